import { QueryBus } from '@nestjs/cqrs';
import { isValidDomainName, normalizeDomainName } from '@app/core';
import type { Domain } from '@app/persistence';
import { GetDomainQuery } from '../../domains/queries/get-domain/get-domain.query';
import { WebadminError } from '../http/webadmin-error';

/** Validated lower-case domain name from a path; 400 `Invalid domain: <d>` otherwise. */
export function domainParam(raw: string): string {
  const name = normalizeDomainName(raw);
  if (!isValidDomainName(name)) throw WebadminError.invalidArgument(`Invalid domain: ${raw}`);
  return name;
}

/** The registered domain of a path parameter; 400 when invalid, 404 `<notFoundMessage>` when unknown. */
export async function existingDomain(
  queryBus: QueryBus,
  raw: string,
  notFoundMessage = (name: string) => `Domain not found: ${name}`,
): Promise<Domain> {
  const name = domainParam(raw);
  const domain = await queryBus.execute(new GetDomainQuery(name));
  if (!domain) throw WebadminError.notFound(notFoundMessage(name));
  return domain;
}
