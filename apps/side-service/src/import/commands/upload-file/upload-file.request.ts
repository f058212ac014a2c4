import { ApiProperty } from '@nestjs/swagger';
import {
  IsNotEmpty,
  Matches,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { Trimmed } from '../../../http/validation/trimmed';

export const UPLOADABLE_TYPES = ['text/calendar', 'text/vcard'];

@ValidatorConstraint({ name: 'safeIntegerText' })
class SafeIntegerText implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value));
  }
  defaultMessage(): string {
    return 'not a size';
  }
}

/**
 * The query of `POST /api/files` (rest-api.md): each parameter trimmed, checked in this order, the first failure
 * answered (`Missing <name> param`, `Invalid size param: <size>`, `Unknown uploaded MIME type: <type>`).
 */
export class UploadFileRequestDto {
  @ApiProperty({ example: 'calendar.ics' })
  @IsNotEmpty({ message: 'Missing name param' })
  @Trimmed()
  name!: string;

  @ApiProperty({ description: 'upper bound of the content size, in bytes', example: '2048' })
  @Validate(SafeIntegerText, { message: ({ value }) => `Invalid size param: ${String(value)}` })
  @IsNotEmpty({ message: 'Missing size param' })
  @Trimmed()
  size!: string;

  @ApiProperty({ enum: UPLOADABLE_TYPES, description: 'case-insensitive' })
  @Matches(new RegExp(`^(${UPLOADABLE_TYPES.join('|')})$`, 'i'), {
    message: ({ value }) => `Unknown uploaded MIME type: ${String(value)}`,
  })
  @IsNotEmpty({ message: 'Missing mimetype param' })
  @Trimmed()
  mimetype!: string;
}
