import { nameBasedUuid } from './name-based-uuid';

describe('nameBasedUuid', () => {
  // Reference values computed with java.util.UUID.nameUUIDFromBytes("…".getBytes(UTF_8)).
  it.each([
    ['', 'd41d8cd9-8f00-3204-a980-0998ecf8427e'],
    ['hello', '5d41402a-bc4b-3a76-b971-9d911017c592'],
  ])('matches the JDK type-3 UUID of %p', (name, expected) => {
    expect(nameBasedUuid(name)).toBe(expected);
  });

  it('is stable, version 3, RFC 4122 variant', () => {
    const uuid = nameBasedUuid('6650a0000000000000000001');
    expect(uuid).toBe(nameBasedUuid('6650a0000000000000000001'));
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid).not.toBe(nameBasedUuid('6650a0000000000000000002'));
  });
});
