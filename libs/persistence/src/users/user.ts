/** A registered (OpenPaaS) user as the application sees it. */
export interface User {
  /** ObjectId hex; also the user's calendar home and address-book home in DAV. */
  id: string;
  /** Login address, lower-case. */
  email: string;
  firstname: string;
  lastname: string;
  /** Id of the domain the user belongs to (first `domains` entry), when present. */
  domainId?: string;
}

export interface NewUser {
  email: string;
  firstname: string;
  lastname: string;
  domainId: string;
}

export type UserUpdate = NewUser;
