import { Module } from '@nestjs/common';
import { AddMissingFieldsHandler } from './commands/add-missing-fields/add-missing-fields.handler';
import { DeleteUserHandler } from './commands/delete-user/delete-user.handler';
import { ImportLdapUsersHandler } from './commands/import-ldap-users/import-ldap-users.handler';
import { RegisterUserHandler } from './commands/register-user/register-user.handler';
import { UpdateUserHandler } from './commands/update-user/update-user.handler';
import { UserProvisioningModule } from './provisioning/user-provisioning.module';
import { FindUserHandler } from './queries/find-user/find-user.handler';
import { ListUsersHandler } from './queries/list-users/list-users.handler';

const commandHandlers = [
  RegisterUserHandler,
  UpdateUserHandler,
  DeleteUserHandler,
  AddMissingFieldsHandler,
  ImportLdapUsersHandler,
];
const queryHandlers = [ListUsersHandler, FindUserHandler];

/** The OpenPaaS `users` documents: registration, updates, deletion, LDAP import, and provisioning on first contact. */
@Module({ imports: [UserProvisioningModule], providers: [...commandHandlers, ...queryHandlers] })
export class UsersModule {}
