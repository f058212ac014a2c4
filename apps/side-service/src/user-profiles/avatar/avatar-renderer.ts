import { createHash } from 'node:crypto';
import { encodePng } from './png';
import { Glyph, Point, glyphFor } from './stroke-font';

export const AVATAR_SIZE = 48;
/** `#00796B`, the original's fixed background. */
const BACKGROUND = [0x00, 0x79, 0x6b] as const;
/** Pixels per font unit: the cap height (14 units) spans 21 px between stroke centres, 26 px inked. */
const SCALE = 1.5;
const PEN_RADIUS = 2.5;
const BASELINE = 34.5;
const CACHE_SIZE = 512;

export interface Avatar {
  png: Buffer;
  etag: string;
}

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / length));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

function draw(glyph: Glyph | undefined): Uint8Array {
  const pixels = new Uint8Array(AVATAR_SIZE * AVATAR_SIZE * 3);
  const left = (AVATAR_SIZE - (glyph?.width ?? 0) * SCALE) / 2;
  const segments: [Point, Point][] = [];
  for (const stroke of glyph?.strokes ?? []) {
    const points = stroke.map(([x, y]): Point => [left + x * SCALE, BASELINE - y * SCALE]);
    for (let index = 1; index < points.length; index++) segments.push([points[index - 1]!, points[index]!]);
  }
  for (let y = 0; y < AVATAR_SIZE; y++) {
    for (let x = 0; x < AVATAR_SIZE; x++) {
      let distance = Infinity;
      for (const [a, b] of segments) distance = Math.min(distance, distanceToSegment(x + 0.5, y + 0.5, a, b));
      const ink = Math.max(0, Math.min(1, PEN_RADIUS + 0.5 - distance));
      const offset = (y * AVATAR_SIZE + x) * 3;
      for (let channel = 0; channel < 3; channel++)
        pixels[offset + channel] = Math.round(BACKGROUND[channel]! + (255 - BACKGROUND[channel]!) * ink);
    }
  }
  return pixels;
}

/**
 * The placeholder avatar of an address (rest-api.md §5.1): a 48×48 PNG on `#00796B` with the first character,
 * upper-cased, in white. Pictures depend only on that character and are kept in a small cache.
 */
export class AvatarRenderer {
  private readonly cache = new Map<string, Avatar>();

  render(text: string): Avatar {
    const letter = (Array.from(text)[0] ?? '').toUpperCase();
    const cached = this.cache.get(letter);
    if (cached) return cached;
    const png = encodePng(AVATAR_SIZE, AVATAR_SIZE, draw(glyphFor(letter)));
    const avatar = { png, etag: `"${createHash('sha256').update(png).digest('base64url').slice(0, 22)}"` };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(letter, avatar);
    return avatar;
  }
}
