import type { TaskDetails } from './task';

const SINGLE_DOMAIN_TYPES = ['sync-domain-members-contacts-ldap-to-dav', 'clear-domain-members-contacts-dav'];

const domainOfAddress = (address: unknown) =>
  typeof address === 'string' && address.includes('@')
    ? address.slice(address.lastIndexOf('@') + 1).toLowerCase()
    : undefined;

/**
 * Whether a task belongs to a domain (webadmin.md §2.6): single-user archival of one of its users, data deletion of
 * one of its users, single-domain member sync or clearing of that domain. All-domain/all-user runs and other types
 * belong to no domain.
 */
export function taskBelongsToDomain(details: TaskDetails, domain: string): boolean {
  const information: Record<string, unknown> = details.additionalInformation ?? {};
  const name = domain.toLowerCase();
  if (details.type === 'calendar-archival') return domainOfAddress(information.targetUser) === name;
  if (details.type === 'DeleteUserDataTask') return domainOfAddress(information.username) === name;
  if (SINGLE_DOMAIN_TYPES.includes(details.type))
    return typeof information.domain === 'string' && information.domain.toLowerCase() === name;
  return false;
}
