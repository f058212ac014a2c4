import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { isObjectIdHex } from '@app/core';
import { answering } from '../../http/validation/answering';
import { WebadminError } from '../http/webadmin-error';

const invalidUserId = answering((id) => WebadminError.invalidArgument(`Invalid user id: ${String(id)}`));
const isText = (value: unknown): value is string => typeof value === 'string';

/** A user id (ObjectId hex), else 400 `Invalid user id: <id>`. */
const UserId = (): PropertyDecorator =>
  ValidateBy(
    {
      name: 'userId',
      validator: {
        validate: (value: unknown) => isText(value) && isObjectIdHex(value),
        defaultMessage: () => "'id' must be a user id",
      },
    },
    invalidUserId,
  );

/** A compulsory query parameter: absent or blank answers 400 `Missing '<name>' query parameter`. */
const Compulsory = (): PropertyDecorator => (target, key) =>
  ValidateBy(
    {
      name: 'compulsory',
      validator: {
        validate: (value: unknown) => isText(value) && value.trim() !== '',
        defaultMessage: () => `'${String(key)}' is required`,
      },
    },
    answering(() => WebadminError.invalidArgument(`Missing '${String(key)}' query parameter`)),
  )(target, key);

/** `GET …/registeredUsers[?email=]`: the whole list, or the one user with that address. */
export class RegisteredUsersListingRequestDto {
  @ApiPropertyOptional({ example: 'alice@example.com' }) @IsOptional() @IsString() email?: string;
}

/** `HEAD …/registeredUsers?email=` or `?id=`: exactly one of the two. */
export class RegisteredUserLookupRequestDto {
  @ApiPropertyOptional({ example: 'alice@example.com', description: 'Exactly one of email and id' })
  @ValidateBy(
    {
      name: 'exactlyOneKey',
      validator: {
        validate: (_: unknown, args?: ValidationArguments) => {
          const { email, id } = args?.object as RegisteredUserLookupRequestDto;
          return (email === undefined) !== (id === undefined);
        },
        defaultMessage: () => "exactly one of 'email' or 'id' is expected",
      },
    },
    answering(() =>
      WebadminError.invalidArgument("Exactly one of 'email' or 'id' query parameters is expected"),
    ),
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
