import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, ValidateIf } from 'class-validator';
import { isObjectIdHex } from '@app/core';
import { Answered, answering } from '../../http/validation/answering';
import { WebadminError } from '../http/webadmin-error';

const isText = (value: unknown): value is string => typeof value === 'string';

/** A user id (ObjectId hex), else 400 `Invalid user id: <id>`. */
const UserId = (): PropertyDecorator =>
  Answered(
    'userId',
    (value) => isText(value) && isObjectIdHex(value),
    (id) => WebadminError.invalidArgument(`Invalid user id: ${String(id)}`),
  );

/** A compulsory query parameter: absent or blank answers 400 `Missing '<name>' query parameter`. */
const Compulsory = (): PropertyDecorator => (target, key) =>
  Answered(
    'compulsory',
    (value) => isText(value) && value.trim() !== '',
    () => WebadminError.invalidArgument(`Missing '${String(key)}' query parameter`),
  )(target, key);

/** `GET …/registeredUsers[?email=]`: the whole list, or the one user with that address. */
export class RegisteredUsersListingRequestDto {
  @ApiPropertyOptional({ example: 'alice@example.com' }) @IsOptional() @IsString() email?: string;
}

/** `HEAD …/registeredUsers?email=` or `?id=`: exactly one of the two. */
export class RegisteredUserLookupRequestDto {
  @ApiPropertyOptional({ example: 'alice@example.com', description: 'Exactly one of email and id' })
  @Answered(
    'exactlyOneKey',
    (_, dto) => {
      const { email, id } = dto as RegisteredUserLookupRequestDto;
      return (email === undefined) !== (id === undefined);
    },
    () => WebadminError.invalidArgument("Exactly one of 'email' or 'id' query parameters is expected"),
  )
  email?: string;

  @ApiPropertyOptional({ example: '65f0c1a2b3c4d5e6f7a8b9c0' })
  @UserId()
  @ValidateIf((_, value) => value !== undefined)
  id?: string;
}

/** `PATCH …/registeredUsers?id=`: the user to change. */
export class RegisteredUserIdRequestDto {
  @ApiProperty({ example: '65f0c1a2b3c4d5e6f7a8b9c0' }) @UserId() @Compulsory() id!: string;
}

/** `DELETE …/registeredUsers?email=`: the user to delete. */
export class RegisteredUserEmailRequestDto {
  @ApiProperty({ example: 'alice@example.com' }) @Compulsory() email!: string;
}

const ACTIONS = ['addMissingFields'];

/** `POST /registeredUsers[?action=addMissingFields]`: with an action, start that task instead of registering. */
export class RegisteredUsersActionRequestDto {
  @ApiPropertyOptional({ enum: ACTIONS, description: 'addMissingFields: start the backfill task instead' })
  @IsIn(
    ACTIONS,
    answering((action) =>
      WebadminError.invalidArgument(
        `Invalid action: '${String(action)}'. Supported actions are: ${ACTIONS.join(', ')}`,
      ),
    ),
  )
  @IsOptional()
  action?: string;
}
