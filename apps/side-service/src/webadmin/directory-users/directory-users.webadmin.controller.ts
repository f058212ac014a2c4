import { Body, Controller, Delete, Get, Head, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { LoginThrottle } from '@app/auth';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { isValidMailAddress } from '@app/core';
import { DeleteDirectoryUserCommand } from '../../directory-users/commands/delete-directory-user/delete-directory-user.command';
import { SetDirectoryPasswordCommand } from '../../directory-users/commands/set-directory-password/set-directory-password.command';
import { DirectoryUserExistsQuery } from '../../directory-users/queries/directory-user-exists/directory-user-exists.query';
import { ListDirectoryUsersQuery } from '../../directory-users/queries/list-directory-users/list-directory-users.query';
import { VerifyDirectoryPasswordQuery } from '../../directory-users/queries/verify-directory-password/verify-directory-password.query';
import { ForceRequestDto } from '../http/force.request';
import { WebadminError } from '../http/webadmin-error';
import { existingDomain } from '../domains/domain-param';
import { DirectoryPasswordRequestDto, NewDirectoryPasswordRequestDto } from './directory-password.request';

function username(raw: string): string {
  if (!isValidMailAddress(raw.trim())) throw WebadminError.invalidArgument(`Invalid username: ${raw}`);
  return raw.trim().toLowerCase();
}

/** Authentication directory users (LDAP: read-only; otherwise a volatile in-memory store). */
@ApiTags('Authentication directory users')
@Controller()
export class DirectoryUsersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly throttle: LoginThrottle,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'Users of the authentication directory' })
  async list(): Promise<{ username: string }[]> {
    return (await this.queryBus.execute(new ListDirectoryUsersQuery())).map((name) => ({ username: name }));
  }

  @Head('users/:username')
  @ApiOperation({ summary: 'Does the directory know this user' })
  async exists(@Param('username') raw: string): Promise<void> {
    if (!(await this.queryBus.execute(new DirectoryUserExistsQuery(username(raw)))))
      throw WebadminError.notFound('User does not exist');
  }

  @Put('users/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add a user with a password (?force updates an existing one)' })
  async put(
    @Param('username') raw: string,
    @Body() { password }: NewDirectoryPasswordRequestDto,
    @Query() query: ForceRequestDto,
  ): Promise<void> {
    await this.commandBus.execute(new SetDirectoryPasswordCommand(username(raw), password, query.forced));
  }

  @Delete('users/:username')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a user (also when absent)' })
  async remove(@Param('username') raw: string): Promise<void> {
    await this.commandBus.execute(new DeleteDirectoryUserCommand(username(raw)));
  }

  @Post('users/:username/verify')
  @HttpCode(204)
  @ApiOperation({ summary: 'Check a password: 204 when right, 401 otherwise' })
  async verify(
    @Param('username') raw: string,
    @Body() { password }: DirectoryPasswordRequestDto,
    @Req() request: Request,
  ): Promise<void> {
    const attempt = { account: username(raw), address: request.socket.remoteAddress };
    await this.throttle.check(attempt);
    if (!(await this.queryBus.execute(new VerifyDirectoryPasswordQuery(attempt.account, password)))) {
      await this.throttle.failed(attempt);
      throw new WebadminError(401, 'InvalidArgument', 'Wrong username or password');
    }
    await this.throttle.succeeded(attempt);
  }

  @Get('domains/:domain/users')
  @ApiOperation({ summary: 'Usernames of the directory in that domain' })
  async ofDomain(@Param('domain') raw: string): Promise<string[]> {
    const domain = await existingDomain(this.queryBus, raw);
    return this.queryBus.execute(new ListDirectoryUsersQuery(domain.name));
  }
}
