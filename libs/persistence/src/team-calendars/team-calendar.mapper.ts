import { TeamCalendar } from './team-calendar';
import { TeamCalendarDocument } from './team-calendar.schema';

export const TeamCalendarMapper = {
  toDomain(document: TeamCalendarDocument): TeamCalendar {
    return {
      id: document._id.toHexString(),
      domainId: document.domainId?.toHexString() ?? '',
      domainName: document.domainName ?? '',
      name: document.name ?? '',
      displayName: document.displayName || document.name || '',
      createdAt: document.creation ?? null,
      updatedAt: document.updated ?? null,
    };
  },
};
