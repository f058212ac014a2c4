import { Resource } from './resource';
import { ResourceDocument } from './resource.schema';

const hex = (id: unknown): string | null =>
  id && typeof (id as { toHexString?: unknown }).toHexString === 'function'
    ? (id as { toHexString(): string }).toHexString()
    : typeof id === 'string'
      ? id
      : null;

export const ResourceMapper = {
  toDomain(document: ResourceDocument): Resource {
    const creation = document.timestamps?.creation ?? null;
    const updated = document.timestamps?.updatedAt ?? null;
    return {
      id: document._id.toHexString(),
      name: document.name ?? '',
      description: document.description ?? null,
      icon: document.icon ?? null,
      deleted: document.deleted === true,
      creatorId: hex(document.creator),
      domainId: hex(document.domain) ?? '',
      createdAt: creation,
      updatedAt: updated && (!creation || updated.getTime() !== creation.getTime()) ? updated : null,
    };
  },
};
