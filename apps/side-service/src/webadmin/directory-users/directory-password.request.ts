import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, ValidateBy } from 'class-validator';
import { UNUSABLE_PASSWORD_MESSAGE, isUsablePassword } from '@app/core';
import { SHAPE } from '../../http/validation/strict-body';

const REQUIRED = "'password' is required";

/** `{"password": "…"}` of `POST /users/{username}/verify`: a missing or non-string password makes the JSON invalid. */
export class DirectoryPasswordRequestDto {
  @ApiProperty({ example: 'secret' })
  @IsString({ ...SHAPE, message: REQUIRED })
  @IsDefined({ message: REQUIRED })
  password!: string;
}

/** `{"password": "…"}` of `PUT /users/{username}`: the password must also be usable (an invalid argument). */
export class NewDirectoryPasswordRequestDto {
  @ApiProperty({ example: 'a long enough secret' })
  @IsString({ ...SHAPE, message: REQUIRED })
  @IsDefined({ message: REQUIRED })
  @ValidateBy({
    name: 'usablePassword',
    validator: {
      // A missing or non-string password is left to the shape checks above.
      validate: (value: unknown) => typeof value !== 'string' || isUsablePassword(value),
      defaultMessage: () => UNUSABLE_PASSWORD_MESSAGE,
    },
  })
  password!: string;
}
