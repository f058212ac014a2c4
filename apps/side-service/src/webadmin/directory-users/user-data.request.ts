import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ForceRequestDto } from '../http/force.request';
import { SupportedValue } from '../http/task-parameters';

const USER_DATA_ACTIONS = ['deleteData'];
const USER_DELETION_STEPS = [
  'DavCalendarDeletionTaskStep',
  'DavContactDeletionTaskStep',
  'CalendarSearchDeletionTaskStep',
  'OpenPaaSUserDeletionTaskStep',
];

/** `POST /users/{username}?action=deleteData[&fromStep=…][&force]` (webadmin.md §5.4). */
export class UserDataRequestDto extends ForceRequestDto {
  @SupportedValue(USER_DATA_ACTIONS) action!: string;

  /** Validated by the deletion command against the steps it runs (`Unknown step: <name>`). */
  @ApiPropertyOptional({ enum: USER_DELETION_STEPS, description: 'Earlier steps are skipped' })
  @IsOptional()
  @IsString()
  fromStep?: string;
}
