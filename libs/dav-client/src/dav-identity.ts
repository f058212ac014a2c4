/**
 * Who a DAV request acts as: a user, resource or team calendar impersonated by its email address (`admin&email`
 * Basic credential), or a domain's technical principal (`TwakeCalendarToken` header).
 */
export type DavIdentity =
  | { readonly kind: 'user'; readonly email: string }
  | { readonly kind: 'technical'; readonly domainId: string };

export const DavIdentity = {
  user: (email: string): DavIdentity => ({ kind: 'user', email }),
  technical: (domainId: string): DavIdentity => ({ kind: 'technical', domainId }),
};

export function describeIdentity(identity: DavIdentity): string {
  return identity.kind === 'user' ? identity.email : `technical@${identity.domainId}`;
}
