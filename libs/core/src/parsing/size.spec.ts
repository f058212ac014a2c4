import { parseSize } from './size';

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;
const TIB = 1024 * GIB;

describe('parseSize', () => {
  it.each([
    ['3bytes', 3],
    ['3KiB', 3 * KIB],
    ['3MiB', 3 * MIB],
    ['3GiB', 3 * GIB],
    ['3TiB', 3 * TIB],
  ])('unit %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it('reads a bare number as bytes', () => {
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('0')).toBe(0);
  });

  it('accepts spaces before the unit and around the value', () => {
    expect(parseSize('50 MiB')).toBe(50 * MIB);
    expect(parseSize('50MiB')).toBe(50 * MIB);
    expect(parseSize('  50   MiB ')).toBe(50 * MIB);
    expect(parseSize('12 bytes')).toBe(12);
    expect(parseSize(' 7 ')).toBe(7);
  });

  it.each([
    '50 Mib',
    '50 mib',
    '50 MIB',
    '50MB',
    '50 MB',
    '50mb',
    '50 kib',
    '50KB',
    '50K',
    '50M',
    '50 GB',
    '1TB',
    '5 Bytes',
    '5 BYTES',
    '5b',
    '5B',
  ])('units are case-sensitive and powers of 1024 only: rejects %j', (text) => {
    expect(parseSize(text)).toBeUndefined();
  });

  it.each([
    '-1',
    '-1MiB',
    '',
    '   ',
    'MiB',
    'abc',
    '1.5MiB',
    '1,5MiB',
    '50 MiB extra',
    '5MiB5',
    '+5',
    '0x10',
  ])('rejects %j', (text) => {
    expect(parseSize(text)).toBeUndefined();
  });
});
