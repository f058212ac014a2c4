import { Module } from '@nestjs/common';
import { DeleteUserDataHandler } from './commands/delete-user-data/delete-user-data.handler';
import { USER_DELETION_STEPS, UserDeletionStep } from './deletion-step';
import { CalendarSearchDeletionStep } from './steps/calendar-search-deletion.step';
import { DavCalendarDeletionStep } from './steps/dav-calendar-deletion.step';
import { DavContactDeletionStep } from './steps/dav-contact-deletion.step';
import { OpenPaaSUserDeletionStep } from './steps/openpaas-user-deletion.step';

const steps = [
  DavCalendarDeletionStep,
  DavContactDeletionStep,
  CalendarSearchDeletionStep,
  OpenPaaSUserDeletionStep,
];

/** User data deletion (webadmin.md §5.4, dav.md §5.12): the `DeleteUserDataTask` and its ordered steps. */
@Module({
  providers: [
    ...steps,
    {
      provide: USER_DELETION_STEPS,
      inject: steps,
      useFactory: (...instances: UserDeletionStep[]) => instances,
    },
    DeleteUserDataHandler,
  ],
})
export class UserDeletionModule {}
