import { applyDecorators } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import type { User } from '@app/persistence';
import { FindUserQuery } from '../../users/queries/find-user/find-user.query';
import type { RegisteredUserLookupRequestDto } from './registered-users.request';
import { RegisteredUserResponseDto } from './user-body';

/** `HEAD …/registeredUsers`: the user named by `?email=` or `?id=` (exactly one, checked by the DTO), if any. */
export function lookUpUser(
  queryBus: QueryBus,
  { email, id }: RegisteredUserLookupRequestDto,
): Promise<User | undefined> {
  return queryBus.execute(id !== undefined ? FindUserQuery.byId(id) : FindUserQuery.byEmail(email!));
}

/** The documentation of `GET …/registeredUsers[?email=]`: an array, or one user with `?email=`. */
export const ApiRegisteredUsersListing = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
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
