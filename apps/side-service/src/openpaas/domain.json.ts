import type { Domain } from '@app/persistence';
import { EPOCH } from './epoch';

/** A domain as `GET /api/entity/{id}` and the team calendars show it (rest-api.md §6.2, §6.3). */
export interface ShortDomainJson {
  _id: string;
  name: string;
  company_name: string;
  hostnames: string[];
  timestamps: { creation: string };
  administrators?: { user_id: string; timestamps: { creation: string } }[];
}

/** The full domain object of `GET /api/domains/{id}` (rest-api.md §5.2). */
export interface DomainJson extends ShortDomainJson {
  schemaVersion: number;
  __v: number;
  injections: unknown[];
}

const administrators = (domain: Domain) =>
  domain.administrators.map((admin) => ({ user_id: admin.userId, timestamps: { creation: EPOCH } }));

/** The original does not keep host names nor creation dates: the name is the only host name, dates the epoch. */
export function shortDomainJson(domain: Domain, options: { administrators: boolean }): ShortDomainJson {
  return {
    _id: domain.id,
    name: domain.name,
    company_name: domain.companyName,
    hostnames: [domain.name],
    timestamps: { creation: EPOCH },
    ...(options.administrators ? { administrators: administrators(domain) } : {}),
  };
}

export function domainJson(domain: Domain): DomainJson {
  return {
    _id: domain.id,
    name: domain.name,
    company_name: domain.companyName,
    hostnames: [domain.name],
    schemaVersion: 1,
    __v: 0,
    injections: [],
    timestamps: { creation: EPOCH },
    administrators: administrators(domain),
  };
}
