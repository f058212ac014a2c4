import { Domain } from './domain';
import { DomainDocument } from './domain.schema';

export const DomainMapper = {
  toDomain(document: DomainDocument): Domain {
    return {
      id: document._id.toHexString(),
      name: document.name,
      companyName: document.company_name ?? document.name,
      hostnames: document.hostnames ?? [],
      administrators: (document.administrators ?? []).map((admin) => ({
        userId: admin.user_id.toHexString(),
        since: admin.timestamps?.creation,
      })),
      createdAt: document.timestamp?.creation ?? document.timestamps?.creation,
    };
  },

  newDocument(name: string, now: Date): Omit<DomainDocument, '_id'> {
    return { timestamp: { creation: now }, hostnames: [], name, company_name: name, administrators: [] };
  },
};
