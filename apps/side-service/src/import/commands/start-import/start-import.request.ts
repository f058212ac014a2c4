import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { Trimmed } from '../../../http/validation/trimmed';

/** The body of `POST /api/import` (rest-api.md §5.10): both fields required, non-blank, trimmed. */
export class StartImportRequestDto {
  @ApiProperty({ example: '66b1e0000000000000000042', description: 'id answered by POST /api/files' })
  @IsNotEmpty({ message: 'fileId must be present' })
  @IsString({ message: 'fileId must be present' })
  @Trimmed()
  fileId!: string;

  @ApiProperty({
    example: '/calendars/65f0a1b2c3d4e5f601234567/65f0a1b2c3d4e5f601234567.json',
    description: 'the calendar or address book to import into',
  })
  @IsNotEmpty({ message: 'target must be present' })
  @IsString({ message: 'target must be present' })
  @Trimmed()
  target!: string;
}
