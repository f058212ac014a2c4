import { Module } from '@nestjs/common';
import { ProfileEditionController } from './profile-edition.http.controller';
import { FindUsersByEmailController } from './queries/find-users-by-email/find-users-by-email.http.controller';
import { FindUsersByEmailHandler } from './queries/find-users-by-email/find-users-by-email.handler';
import { GetCurrentUserController } from './queries/get-current-user/get-current-user.http.controller';
import { GetCurrentUserHandler } from './queries/get-current-user/get-current-user.handler';
import { GetUserController } from './queries/get-user/get-user.http.controller';
import { GetUserHandler } from './queries/get-user/get-user.handler';
import { RenderAvatarController } from './queries/render-avatar/render-avatar.http.controller';
import { RenderAvatarHandler } from './queries/render-avatar/render-avatar.handler';
import { RegisteredUsers } from './registered-users';

const httpControllers = [
  GetCurrentUserController,
  ProfileEditionController,
  FindUsersByEmailController,
  GetUserController,
  RenderAvatarController,
];
const queryHandlers = [GetCurrentUserHandler, FindUsersByEmailHandler, GetUserHandler, RenderAvatarHandler];

/** The OpenPaaS user API of the SPAs (rest-api.md §5.1): my profile, users of my domain, avatars. */
@Module({ controllers: httpControllers, providers: [...queryHandlers, RegisteredUsers] })
export class UserProfilesModule {}
