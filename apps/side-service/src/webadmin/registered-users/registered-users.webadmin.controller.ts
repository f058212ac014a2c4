import { Body, Controller, Delete, Get, Head, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainNotFoundError } from '@app/persistence';
import { AddMissingFieldsCommand } from '../../users/commands/add-missing-fields/add-missing-fields.command';
import { DeleteUserCommand } from '../../users/commands/delete-user/delete-user.command';
import { taskSubmitted } from '../tasks/task-json';
import { RegisterUserCommand } from '../../users/commands/register-user/register-user.command';
import { UpdateUserCommand } from '../../users/commands/update-user/update-user.command';
import { FindUserQuery } from '../../users/queries/find-user/find-user.query';
import { ListUsersQuery } from '../../users/queries/list-users/list-users.query';
import { RequestValidationPipe } from '../../http/request-validation.pipe';
import { WebadminError } from '../http/webadmin-error';
import {
  RegisteredUserEmailRequestDto,
  RegisteredUserIdRequestDto,
  RegisteredUserLookupRequestDto,
  RegisteredUsersActionRequestDto,
  RegisteredUsersListingRequestDto,
} from './registered-users.request';
import { RegisteredUserRequestDto, RegisteredUserResponseDto } from './user-body';
import { ApiRegisteredUsersListing, lookUpUser } from './user-lookup';
import { toUserResponse } from './user-response';

/** Rewrites "unknown domain of the e-mail" as the 404 `InvalidArgument` the original answers. */
export function unknownEmailDomainAs404(error: unknown): never {
  if (error instanceof DomainNotFoundError) throw new WebadminError(404, 'InvalidArgument', error.message);
  throw error;
}

@ApiTags('Registered users')
@Controller('registeredUsers')
export class RegisteredUsersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  // Declared before GET: Express also routes HEAD requests to GET handlers.
  @Head()
  @ApiOperation({ summary: 'Does a user exist (exactly one of ?email= or ?id=)' })
  async exists(@Query() query: RegisteredUserLookupRequestDto): Promise<void> {
    const user = await lookUpUser(this.queryBus, query);
    if (!user) throw WebadminError.notFound('User does not exist');
  }

  @Get()
  @ApiRegisteredUsersListing('List registered users, or get one with ?email=')
  async list(
    @Query() { email }: RegisteredUsersListingRequestDto,
  ): Promise<RegisteredUserResponseDto | RegisteredUserResponseDto[]> {
    if (email !== undefined) {
      const user = await this.queryBus.execute(FindUserQuery.byEmail(email));
      if (!user) throw WebadminError.notFound('User does not exist');
      return toUserResponse(user);
    }
    return (await this.queryBus.execute(new ListUsersQuery())).map(toUserResponse);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a user (OpenPaaS user document)' })
  @ApiBody({ type: RegisteredUserRequestDto })
  async register(
    @Query() { action }: RegisteredUsersActionRequestDto,
    // The body is ignored with `?action=` (a task), so it is validated below, on the DTO, only without it.
    // eslint-disable-next-line no-restricted-syntax
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ taskId: string } | void> {
    if (action !== undefined) {
      return taskSubmitted(response, await this.commandBus.execute(new AddMissingFieldsCommand()), false);
    }
    // The body is read only without `?action=`: checked here by the global pipe, on the same DTO.
    const { email, firstname, lastname } = (await new RequestValidationPipe().transform(body, {
      type: 'body',
      metatype: RegisteredUserRequestDto,
    })) as RegisteredUserRequestDto;
    await this.commandBus
      .execute(new RegisterUserCommand(email, firstname, lastname))
      .catch(unknownEmailDomainAs404);
  }

  @Patch()
  @HttpCode(204)
  @ApiOperation({ summary: 'Replace e-mail, domain membership and names of the user ?id=' })
  @ApiBody({ type: RegisteredUserRequestDto })
  async update(
    @Query() { id }: RegisteredUserIdRequestDto,
    @Body() { email, firstname, lastname }: RegisteredUserRequestDto,
  ): Promise<void> {
    await this.commandBus.execute(new UpdateUserCommand(id, email, firstname, lastname));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the user document ?email=' })
  async remove(@Query() { email }: RegisteredUserEmailRequestDto): Promise<void> {
    if (!(await this.commandBus.execute(new DeleteUserCommand(email))))
      throw WebadminError.notFound('User does not exist');
  }
}
