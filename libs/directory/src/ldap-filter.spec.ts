import { canonicalLdapFilter } from './ldap-filter';

describe('canonicalLdapFilter', () => {
  it.each([
    ['(!(departmentNumber=HIDDEN))', '(!(departmentNumber=HIDDEN))'],
    ['  (&(ou=sales)(l=Paris))  ', '(&(ou=sales)(l=Paris))'],
    ['uid=alice', '(uid=alice)'],
    ['(cn=a\\28b\\29)', '(cn=a\\28b\\29)'],
  ])('accepts %s', (text, canonical) => {
    expect(canonicalLdapFilter(text)).toBe(canonical);
  });

  it.each(['', '   ', '(&(a=b)', '((a=b))', '(a=b))', '(a=b)(c=d)', 'not a filter', '(=x)', '(a=b'])(
    'refuses %p',
    (text) => {
      expect(canonicalLdapFilter(text)).toBeUndefined();
    },
  );
});
