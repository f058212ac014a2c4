/** An OpenPaaS domain. */
export interface Domain {
  /** ObjectId hex; also the DAV address-book home of the domain. */
  id: string;
  /** Lower-case domain name. */
  name: string;
  companyName: string;
  hostnames: string[];
  administrators: DomainAdministrator[];
  createdAt?: Date;
}

export interface DomainAdministrator {
  userId: string;
  since?: Date;
}
