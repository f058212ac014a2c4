const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** Domain names: letters, digits, `-`, `_`, dot-separated labels, at most 253 characters. */
export function isValidDomainName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value.split('.').every((label) => label.length > 0 && label.length <= 63 && LABEL.test(label));
}

/** Lower-case form under which domain names are stored and compared. */
export function normalizeDomainName(value: string): string {
  return value.trim().toLowerCase();
}

/** A single e-mail address: one `@`, a valid domain part, at most 255 characters. */
export function isValidMailAddress(value: string): boolean {
  if (value.length === 0 || value.length > 255) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (
    LOCAL_PART.test(local) && !local.startsWith('.') && !local.endsWith('.') && isValidDomainName(domain)
  );
}

/** Stored e-mails are lower-case (esn-sabre lower-cases before every look-up). */
export function normalizeMailAddress(value: string): string {
  return value.trim().toLowerCase();
}

export function domainOfMailAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
