import { Module } from '@nestjs/common';
import { DeleteDirectoryUserHandler } from './commands/delete-directory-user/delete-directory-user.handler';
import { SetDirectoryPasswordHandler } from './commands/set-directory-password/set-directory-password.handler';
import { DirectoryUserExistsHandler } from './queries/directory-user-exists/directory-user-exists.handler';
import { ListDirectoryUsersHandler } from './queries/list-directory-users/list-directory-users.handler';
import { VerifyDirectoryPasswordHandler } from './queries/verify-directory-password/verify-directory-password.handler';

const commandHandlers = [SetDirectoryPasswordHandler, DeleteDirectoryUserHandler];
const queryHandlers = [ListDirectoryUsersHandler, DirectoryUserExistsHandler, VerifyDirectoryPasswordHandler];

/** The authentication directory behind `/users` (LDAP read-only, or in memory). */
@Module({ providers: [...commandHandlers, ...queryHandlers] })
export class DirectoryUsersModule {}
