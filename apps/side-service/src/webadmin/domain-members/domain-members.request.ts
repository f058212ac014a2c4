import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { SUPPORTED_SYNC_TASKS } from '../../domain-sync/domain-sync.errors';
import { SupportedValue } from '../http/task-parameters';

/** `ignoredDomains` and `ldapFilter` are read (and refused when invalid) by the sync and clear commands. */
const IGNORED_DOMAINS = {
  description: 'Comma-separated domain names',
  example: 'a.example.com,b.example.org',
};
const LDAP_FILTER = { description: 'RFC 4515 filter AND-ed with the selection', example: '(ou=sales)' };

/** `POST /addressbook/domain-members/{domain}?task=sync[&ldapFilter=]` (webadmin.md §6.4). */
export class SyncDomainMembersRequestDto {
  @SupportedValue(SUPPORTED_SYNC_TASKS) task!: string;
  @ApiPropertyOptional(LDAP_FILTER) @IsOptional() @IsString() ldapFilter?: string;
}

/** `POST /addressbook/domain-members?task=sync[&ignoredDomains=][&ldapFilter=]`: every domain but the ignored ones. */
export class SyncAllDomainMembersRequestDto extends SyncDomainMembersRequestDto {
  @ApiPropertyOptional(IGNORED_DOMAINS) @IsOptional() @IsString() ignoredDomains?: string;
}

/** `DELETE /addressbook/domain-members[?ignoredDomains=]` (webadmin.md §6.5). */
export class ClearDomainMembersRequestDto {
  @ApiPropertyOptional(IGNORED_DOMAINS) @IsOptional() @IsString() ignoredDomains?: string;
}
