import { createHash } from 'node:crypto';

/**
 * Name-based UUID as the JDK's `UUID.nameUUIDFromBytes`: MD5 of the UTF-8 bytes (no namespace), version nibble 3,
 * variant `10`. Contact UIDs and technical-token ids derive from it and must match the original exactly.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash('md5').update(name, 'utf8').digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x30;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
