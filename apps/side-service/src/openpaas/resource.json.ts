import type { Domain, Resource } from '@app/persistence';
import { DomainJson, ShortDomainJson, domainJson, shortDomainJson } from './domain.json';
import { instant } from './epoch';

/** A user sharing the resource's calendar, with the DAV right it holds (rest-api.md §5.6). */
export interface ResourceAdministrator {
  userId: string;
  /** The user's address (the sharee `mailto:`), lower case. */
  email: string;
  davRight: 'dav:read' | 'dav:read-write' | 'dav:administration';
  access: 2 | 3 | 5;
}

export interface ResourceJson {
  _id: string;
  name: string;
  description: string | null;
  type: 'resource';
  icon: string | null;
  deleted: boolean;
  creator: string | null;
  __v?: number;
  timestamps: { creation: string; updatedAt?: string };
  administrators: { _id: string; id: string; objectType: 'user'; davRight: string; access: number }[];
  domain: DomainJson | ShortDomainJson;
}

/**
 * `GET /api/resources/{id}`; the `short` variant (`GET /api/entity/{id}`) has no `__v` and a short domain
 * (rest-api.md §6.2).
 */
export function resourceJson(
  resource: Resource,
  domain: Domain,
  administrators: ResourceAdministrator[],
  variant: 'full' | 'short' = 'full',
): ResourceJson {
  return {
    _id: resource.id,
    name: resource.name,
    description: resource.description,
    type: 'resource',
    icon: resource.icon,
    deleted: resource.deleted,
    creator: resource.creatorId,
    ...(variant === 'full' ? { __v: 0 } : {}),
    timestamps: {
      creation: instant(resource.createdAt),
      ...(resource.updatedAt ? { updatedAt: instant(resource.updatedAt) } : {}),
    },
    administrators: administrators.map((admin) => ({
      _id: admin.userId,
      id: admin.userId,
      objectType: 'user',
      davRight: admin.davRight,
      access: admin.access,
    })),
    domain: variant === 'full' ? domainJson(domain) : shortDomainJson(domain, { administrators: true }),
  };
}
