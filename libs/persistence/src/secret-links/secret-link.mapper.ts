import { Types } from 'mongoose';
import { SecretLink } from './secret-link';
import { SecretLinkDocument } from './secret-link.schema';

export const SecretLinkMapper = {
  toDomain(document: SecretLinkDocument): SecretLink {
    return {
      userId: document.user_id.toHexString(),
      calendarHomeId: document.calendarHomeId,
      calendarId: document.calendarId,
      token: document.token,
    };
  },

  toPersistence(link: SecretLink): Omit<SecretLinkDocument, '_id'> {
    return {
      user_id: new Types.ObjectId(link.userId),
      calendarHomeId: link.calendarHomeId,
      calendarId: link.calendarId,
      token: link.token,
    };
  },
};
