import { Body, Controller, Delete, Get, Head, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { domainOfMailAddress } from '@app/core';
import type { User } from '@app/persistence';
import { DeleteUserCommand } from '../../users/commands/delete-user/delete-user.command';
import { RegisterUserCommand } from '../../users/commands/register-user/register-user.command';
import { UpdateUserCommand } from '../../users/commands/update-user/update-user.command';
import { FindUserQuery } from '../../users/queries/find-user/find-user.query';
import { ListUsersQuery } from '../../users/queries/list-users/list-users.query';
import { existingDomain } from '../domains/domain-param';
import { WebadminError } from '../http/webadmin-error';
import {
  RegisteredUserEmailRequestDto,
  RegisteredUserIdRequestDto,
  RegisteredUserLookupRequestDto,
  RegisteredUsersListingRequestDto,
} from './registered-users.request';
import { RegisteredUserRequestDto, RegisteredUserResponseDto } from './user-body';
import { ApiRegisteredUsersListing, lookUpUser } from './user-lookup';
import { toUserResponse } from './user-response';

const inDomain = (user: User | undefined, domainName: string): user is User =>
  user !== undefined && domainOfMailAddress(user.email) === domainName;

@ApiTags('Registered users')
@Controller('domains/:domain/registeredUsers')
export class DomainRegisteredUsersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  // Declared before GET: Express also routes HEAD requests to GET handlers.
  @Head()
  @ApiOperation({ summary: 'Does a user of this domain exist (exactly one of ?email= or ?id=)' })
  async exists(
    @Param('domain') rawDomain: string,
    @Query() query: RegisteredUserLookupRequestDto,
  ): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    const user = await lookUpUser(this.queryBus, query);
    if (!inDomain(user, domain.name)) throw WebadminError.notFound('User does not exist');
  }

  @Get()
  @ApiRegisteredUsersListing("The domain's registered users, or one with ?email=")
  async list(
    @Param('domain') rawDomain: string,
    @Query() { email }: RegisteredUsersListingRequestDto,
  ): Promise<RegisteredUserResponseDto | RegisteredUserResponseDto[]> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    if (email !== undefined) {
      const user = await this.queryBus.execute(FindUserQuery.byEmail(email));
      if (!inDomain(user, domain.name)) throw WebadminError.notFound('User does not exist');
      return toUserResponse(user);
    }
    return (await this.queryBus.execute(new ListUsersQuery(domain.id))).map(toUserResponse);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a user of this domain' })
  @ApiBody({ type: RegisteredUserRequestDto })
  async register(
    @Param('domain') rawDomain: string,
    @Body() { email, firstname, lastname }: RegisteredUserRequestDto,
  ): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    await this.commandBus.execute(new RegisterUserCommand(email, firstname, lastname, domain.name));
  }

  @Patch()
  @HttpCode(204)
  @ApiOperation({ summary: 'Update a user of this domain (?id=)' })
  @ApiBody({ type: RegisteredUserRequestDto })
  async update(
    @Param('domain') rawDomain: string,
    @Query() { id }: RegisteredUserIdRequestDto,
    @Body() { email, firstname, lastname }: RegisteredUserRequestDto,
  ): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    await this.commandBus.execute(new UpdateUserCommand(id, email, firstname, lastname, domain.name));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user document of this domain (?email=)' })
  async remove(
    @Param('domain') rawDomain: string,
    @Query() { email }: RegisteredUserEmailRequestDto,
  ): Promise<void> {
    const domain = await existingDomain(this.queryBus, rawDomain);
    if (!(await this.commandBus.execute(new DeleteUserCommand(email, domain.name))))
      throw WebadminError.notFound('User does not exist');
  }
}
