import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { NewUser, User } from './user';
import { UserDocument } from './user.schema';

/** `firstname` split on spaces, blanks removed: used only for prefix search. */
export function splitFirstnames(firstname: string): string[] {
  return firstname
    .split(' ')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The principal address, read in the order esn-sabre uses. */
export function loginOf(document: UserDocument): string | undefined {
  const account = document.accounts?.find(
    (candidate) => candidate.type === 'email' && candidate.emails?.length,
  );
  return (
    document.email ??
    account?.emails?.[0] ??
    document.preferredEmail ??
    document.emails?.[0]
  )?.toLowerCase();
}

export const UserMapper = {
  toDomain(document: UserDocument): User {
    return {
      id: document._id.toHexString(),
      email: loginOf(document) ?? '',
      firstname: document.firstname ?? '',
      lastname: document.lastname ?? '',
      domainId: document.domains?.[0]?.domain_id?.toHexString(),
    };
  },

  /** Fields written on creation and on update (`$set`); `password` only at creation. */
  toPersistence(user: NewUser): Omit<UserDocument, '_id' | 'password'> {
    return {
      firstname: user.firstname,
      lastname: user.lastname,
      firstnames: splitFirstnames(user.firstname),
      email: user.email,
      domains: [{ domain_id: new Types.ObjectId(user.domainId) }],
      accounts: [{ type: 'email', emails: [user.email] }],
    };
  },

  newDocument(user: NewUser): Omit<UserDocument, '_id'> {
    return { ...UserMapper.toPersistence(user), password: randomUUID() };
  },
};
