import {
  domainOfMailAddress,
  isValidDomainName,
  isValidMailAddress,
  normalizeDomainName,
  normalizeMailAddress,
} from './mail-address';

/** A dot-separated domain name of exactly `length` characters made of 50-character labels. */
function domainOfLength(length: number): string {
  const labels: string[] = [];
  let remaining = length;
  while (remaining > 0) {
    const size = Math.min(50, remaining);
    labels.push('a'.repeat(size));
    remaining -= size + 1;
  }
  const name = labels.join('.');
  if (name.length !== length) throw new Error(`cannot build a domain of ${length} characters`);
  return name;
}

describe('isValidDomainName', () => {
  it.each([
    'twake.test',
    'example.com',
    'localhost',
    'a.b.c.d.e',
    'my-domain.example',
    'my_domain.example',
    '_dmarc.example.com',
    'a-b-c.d_e_f.com',
    'x1.y2.z3',
    '123.example',
    'UPPER.Example.COM',
    'a'.repeat(63) + '.com',
  ])('accepts %s', (name) => {
    expect(isValidDomainName(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['an empty label in the middle', 'a..b'],
    ['a leading dot', '.example.com'],
    ['a trailing dot', 'example.com.'],
    ['a single dot', '.'],
    ['a space inside', 'exa mple.com'],
    ['a leading space', ' example.com'],
    ['a trailing space', 'example.com '],
    ['a label starting with -', '-example.com'],
    ['a label ending with -', 'example-.com'],
    ['a label of 64 characters', 'a'.repeat(64) + '.com'],
    ['an @', 'user@example.com'],
    ['a slash', 'example.com/path'],
    ['a colon', 'example.com:80'],
    ['non-ASCII letters', 'exämple.com'],
  ])('rejects %s', (_, name) => {
    expect(isValidDomainName(name)).toBe(false);
  });

  it('accepts 253 characters and rejects 254', () => {
    expect(isValidDomainName(domainOfLength(253))).toBe(true);
    expect(isValidDomainName(domainOfLength(254))).toBe(false);
  });

  it('normalizeDomainName trims and lower-cases', () => {
    expect(normalizeDomainName('  Twake.TEST ')).toBe('twake.test');
  });
});

describe('isValidMailAddress', () => {
  it.each([
    'user@twake.test',
    'first.last@example.com',
    'first+tag@example.com',
    "o'brien@example.com",
    'user_name-1@sub.my-domain.example',
    'User.Name@Example.COM',
    'a@b',
  ])('accepts %s', (address) => {
    expect(isValidMailAddress(address)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['no @', 'user.example.com'],
    ['two @', 'user@name@example.com'],
    ['two consecutive @', 'user@@example.com'],
    ['no local part', '@example.com'],
    ['no domain', 'user@'],
    ['an invalid domain', 'user@exa mple.com'],
    ['an empty domain label', 'user@example..com'],
    ['a trailing dot in the domain', 'user@example.com.'],
    ['a space in the local part', 'us er@example.com'],
    ['surrounding spaces', ' user@example.com '],
    ['a local part starting with a dot', '.user@example.com'],
    ['a local part ending with a dot', 'user.@example.com'],
    ['a display name', 'User <user@example.com>'],
    ['a comma-separated list', 'a@example.com,b@example.com'],
  ])('rejects %s', (_, address) => {
    expect(isValidMailAddress(address)).toBe(false);
  });

  it('accepts 255 characters and rejects 256', () => {
    const domain = domainOfLength(200);
    const address = (length: number) => `${'u'.repeat(length - domain.length - 1)}@${domain}`;
    expect(address(255)).toHaveLength(255);
    expect(isValidMailAddress(address(255))).toBe(true);
    expect(address(256)).toHaveLength(256);
    expect(isValidMailAddress(address(256))).toBe(false);
  });
});

describe('normalizeMailAddress', () => {
  it('lower-cases the local part and the domain', () => {
    expect(normalizeMailAddress('John.DOE@Example.COM')).toBe('john.doe@example.com');
  });

  it('trims surrounding spaces', () => {
    expect(normalizeMailAddress('  Admin@Twake.Test\t')).toBe('admin@twake.test');
  });

  it('gives an address that is still valid and unchanged by a second pass', () => {
    const once = normalizeMailAddress(' User+Tag@Sub.Example.ORG ');
    expect(once).toBe('user+tag@sub.example.org');
    expect(isValidMailAddress(once)).toBe(true);
    expect(normalizeMailAddress(once)).toBe(once);
  });
});

describe('domainOfMailAddress', () => {
  it('returns the lower-cased part after the @', () => {
    expect(domainOfMailAddress('user@Twake.TEST')).toBe('twake.test');
  });
});
