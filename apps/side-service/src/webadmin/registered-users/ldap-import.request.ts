import { PositiveInteger, SupportedValue, positiveIntegerOr } from '../http/task-parameters';

const DEFAULT_USERS_PER_SECOND = 100;

/** `POST /registeredUsers/tasks?task=importFromLDAP[&usersPerSecond=100]` (webadmin.md §5.3). */
export class LdapImportRequestDto {
  @SupportedValue(['importFromLDAP']) task!: string;
  @PositiveInteger(DEFAULT_USERS_PER_SECOND) usersPerSecond?: string;

  /** The import's rate: `usersPerSecond`, 100 when absent. */
  get rate(): number {
    return positiveIntegerOr(this.usersPerSecond, DEFAULT_USERS_PER_SECOND);
  }
}
