import { applyDecorators } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import { isObjectIdHex } from '@app/core';
import type { User } from '@app/persistence';
import { FindUserQuery } from '../../users/queries/find-user/find-user.query';
import { WebadminError } from '../http/webadmin-error';
import { RegisteredUserResponseDto } from './user-body';

/** `HEAD …/registeredUsers`: the user named by exactly one of `?email=` and `?id=` (else 400), if any. */
export async function lookUpUser(queryBus: QueryBus, email?: string, id?: string): Promise<User | undefined> {
  if ((email === undefined) === (id === undefined))
    throw WebadminError.invalidArgument("Exactly one of 'email' or 'id' query parameters is expected");
  if (id !== undefined && !isObjectIdHex(id)) throw WebadminError.invalidArgument(`Invalid user id: ${id}`);
  return queryBus.execute(id !== undefined ? FindUserQuery.byId(id) : FindUserQuery.byEmail(email!));
}

/** The documentation of `GET …/registeredUsers[?email=]`: an array, or one user with `?email=`. */
export const ApiRegisteredUsersListing = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiQuery({ name: 'email', required: false }),
    ApiExtraModels(RegisteredUserResponseDto),
    ApiOkResponse({
      description: 'Without ?email=: the array of users; with ?email=: that one user (an object)',
      schema: {
        oneOf: [
          { type: 'array', items: { $ref: getSchemaPath(RegisteredUserResponseDto) } },
          { $ref: getSchemaPath(RegisteredUserResponseDto) },
        ],
      },
    }),
  );
