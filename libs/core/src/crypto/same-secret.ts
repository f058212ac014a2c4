import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of two secrets (their lengths may leak, not their contents). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
