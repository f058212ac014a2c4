import { nameBasedUuid } from '@app/core';
import { cardsOf, contactOf, vcardOf } from './domain-member-contact';
import { diffMembers } from './domain-members-diff';

const entry = (fields: Record<string, string>) => ({ dn: `uid=${fields.uid ?? 'x'},ou=people`, ...fields });

describe('domain members: mapping and diff', () => {
  it('maps LDAP attributes as the spec says', () => {
    expect(
      contactOf(entry({ mail: 'Ana.Lucia@Example.COM', cn: 'Ana Lucia Moreau', sn: 'Moreau', uid: 'ana' })),
    ).toEqual({
      email: 'Ana.Lucia@example.com',
      familyName: 'Moreau',
      givenName: 'Ana Lucia',
      displayName: 'Ana Lucia Moreau',
      phone: undefined,
    });
    expect(contactOf(entry({ mail: 'x@example.com' }))).toEqual({
      email: 'x@example.com',
      displayName: 'x@example.com',
    });
    expect(contactOf(entry({ mail: 'not an address', cn: 'X' }))).toBeUndefined();
    expect(
      contactOf(entry({ mail: 'b@e.com', cn: 'Bob B', givenName: 'Robert', displayName: 'Bobby' })),
    ).toMatchObject({ givenName: 'Robert', displayName: 'Bobby', familyName: undefined });
  });

  it('writes vCard 4.0 that reads back to the same contact', () => {
    const contact = contactOf(
      entry({
        mail: 'zoe@example.com',
        cn: 'Zoé, the; long name that needs folding because it is longer than seventy-five octets',
        sn: 'Ünal',
        givenName: 'Zoé',
        telephoneNumber: '+33 1 02 03 04 05',
      }),
    )!;
    const vcard = vcardOf(contact, 'zoe-uid');
    expect(vcard).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\nUID:zoe-uid\r\nFN:/);
    expect(vcard).toContain('\r\nTEL;TYPE=work:+33 1 02 03 04 05\r\n');
    expect(vcard).not.toContain('PRODID');
    for (const line of vcard.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const [card] = cardsOf(vcard);
    expect(card).toEqual({ uid: 'zoe-uid', ...contact });
    expect(diffMembers([entry({ mail: 'zoe@example.com', ...{} })], [card!]).updated).toHaveLength(1);
  });

  it('adds, updates, deletes, keeps card UIDs and ignores cards without e-mail', () => {
    const entries = [
      entry({ uid: 'new', mail: 'new@e.com', cn: 'New One', sn: 'One' }),
      entry({ uid: 'same', mail: 'Same@e.com', cn: 'Same Person', sn: 'Person', givenName: 'Same' }),
      entry({ uid: 'changed', mail: 'changed@e.com', cn: 'Changed Person', sn: 'Person' }),
      entry({ mail: 'nouid@e.com', cn: 'No Uid' }),
      entry({ uid: 'dup', mail: 'NEW@e.com', cn: 'Duplicate' }),
    ];
    const cards = [
      {
        uid: 'kept-1',
        email: 'same@e.com',
        familyName: 'Person',
        givenName: 'Same',
        displayName: 'Same Person',
      },
      { uid: 'kept-2', email: 'changed@e.com', familyName: 'Person', givenName: 'Old', displayName: 'x' },
      { email: 'gone@e.com', displayName: 'Gone' },
      { uid: 'no-mail', displayName: 'Nobody' },
    ];
    const diff = diffMembers(entries, cards);
    expect(diff.added.map((write) => write.uid)).toEqual(['new', nameBasedUuid('nouid@e.com')]);
    // "Same@e.com" differs from "same@e.com" in the e-mail field only: rewritten, UID kept.
    expect(diff.updated.map((write) => write.uid)).toEqual(['kept-1', 'kept-2']);
    expect(diff.deleted).toEqual([{ uid: nameBasedUuid('gone@e.com'), email: 'gone@e.com' }]);
    expect(diff.duplicates).toEqual(['NEW@e.com']);
  });

  it('reads exported cards: folding, groups, quoted parameters, escapes, URIs, first non-empty e-mail', () => {
    const exported = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Radicale//EN',
      'UID:u-1',
      'N:O\\;Brien;Se\\,an;;;',
      'FN:Sean O\\;Brien\\, Jr.\\nSales',
      'item1.EMAIL;TYPE=INTERNET:',
      'EMAIL;TYPE="work:home";PREF=1:Sean.OBrien@EXAMPLE.com',
      'EMAIL:second@example.com',
      'TEL;VALUE=uri;TYPE="voice,work":tel:+33-1-02',
      'NOTE:a long',
      '  folded note',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:u-2',
      'EMAIL:mailto:Two@Example.org',
      'FN:Tw',
      ' o',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Only a name',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(cardsOf(exported)).toEqual([
      {
        uid: 'u-1',
        familyName: 'O;Brien',
        givenName: 'Se,an',
        email: 'Sean.OBrien@example.com',
        displayName: 'Sean O;Brien, Jr.\nSales',
        phone: '+33-1-02',
      },
      { uid: 'u-2', email: 'Two@example.org', displayName: 'Two' },
      { displayName: 'Only a name' },
    ]);
    expect(cardsOf('')).toEqual([]);
    expect(cardsOf('garbage\r\nEND:VCARD\r\n')).toEqual([]);
  });
});
