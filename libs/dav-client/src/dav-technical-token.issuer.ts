/**
 * Port: mints the token esn-sabre accepts in the `TwakeCalendarToken` header to act for a domain. The DAV client
 * defines what it needs; the auth library provides it (its technical-token service), so this library does not
 * depend on authentication.
 */
export abstract class DavTechnicalTokenIssuer {
  abstract mint(domainId: string): Promise<string>;
}
