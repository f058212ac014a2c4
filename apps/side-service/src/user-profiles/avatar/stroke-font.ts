/**
 * A small stroke font of our own for the avatar letters: each glyph is a set of polylines on a grid where the
 * baseline is y = 0 and the cap height y = 14 (y grows upwards), drawn later with a thick round pen.
 */
export type Point = readonly [number, number];
export interface Glyph {
  width: number;
  strokes: Point[][];
}

/** Points along an elliptic arc, from `from` to `to` degrees (counter-clockwise when `to` > `from`). */
function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Point[] {
  const steps = Math.max(6, Math.ceil(Math.abs(to - from) / 10));
  return Array.from({ length: steps + 1 }, (_, index) => {
    const angle = ((from + ((to - from) * index) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)] as const;
  });
}

const glyph = (width: number, ...strokes: Point[][]): Glyph => ({ width, strokes });

export const GLYPHS: Readonly<Record<string, Glyph>> = {
  A: glyph(
    11,
    [
      [0, 0],
      [5.5, 14],
      [11, 0],
    ],
    [
      [2.2, 5],
      [8.8, 5],
    ],
  ),
  B: glyph(
    10,
    [[5.5, 7.5], [0, 7.5], [0, 14], [5.5, 14], ...arc(5.5, 10.75, 3.8, 3.25, 90, -90)],
    [[0, 7.5], [0, 0], [6, 0], ...arc(6, 3.75, 4, 3.75, -90, 90), [5.5, 7.5]],
  ),
  C: glyph(11, arc(6, 7, 6, 7, 45, 315)),
  D: glyph(11, [[0, 0], [0, 14], [4, 14], ...arc(4, 7, 7, 7, 90, -90), [0, 0]]),
  E: glyph(
    9,
    [
      [9, 14],
      [0, 14],
      [0, 0],
      [9, 0],
    ],
    [
      [0, 7],
      [7.5, 7],
    ],
  ),
  F: glyph(
    9,
    [
      [9, 14],
      [0, 14],
      [0, 0],
    ],
    [
      [0, 7],
      [7.5, 7],
    ],
  ),
  G: glyph(
    11.5,
    arc(6, 7, 6, 7, 45, 360),
    [
      [12, 7],
      [12, 2],
    ],
    [
      [12, 6.5],
      [6.5, 6.5],
    ],
  ),
  H: glyph(
    10,
    [
      [0, 0],
      [0, 14],
    ],
    [
      [10, 0],
      [10, 14],
    ],
    [
      [0, 7],
      [10, 7],
    ],
  ),
  I: glyph(0, [
    [0, 0],
    [0, 14],
  ]),
  J: glyph(8, [[8, 14], [8, 4], ...arc(4, 4, 4, 4, 0, -180)]),
  K: glyph(
    10,
    [
      [0, 0],
      [0, 14],
    ],
    [
      [9.5, 14],
      [0, 4.5],
    ],
    [
      [3.4, 8],
      [10, 0],
    ],
  ),
  L: glyph(8.5, [
    [0, 14],
    [0, 0],
    [8.5, 0],
  ]),
  M: glyph(12, [
    [0, 0],
    [0, 14],
    [6, 2.5],
    [12, 14],
    [12, 0],
  ]),
  N: glyph(10, [
    [0, 0],
    [0, 14],
    [10, 0],
    [10, 14],
  ]),
  O: glyph(12, arc(6, 7, 6, 7, 0, 360)),
  P: glyph(10, [[0, 0], [0, 14], [6, 14], ...arc(6, 10.5, 4, 3.5, 90, -90), [0, 7]]),
  Q: glyph(12, arc(6, 7, 6, 7, 0, 360), [
    [7, 4],
    [12, -1],
  ]),
  R: glyph(
    10,
    [[0, 0], [0, 14], [6, 14], ...arc(6, 10.5, 4, 3.5, 90, -90), [0, 7]],
    [
      [5, 7],
      [10, 0],
    ],
  ),
  S: glyph(10, [...arc(5, 10.5, 4.8, 3.5, 20, 270), ...arc(5, 3.5, 5, 3.5, 90, -160)]),
  T: glyph(
    10,
    [
      [0, 14],
      [10, 14],
    ],
    [
      [5, 14],
      [5, 0],
    ],
  ),
  U: glyph(10, [[0, 14], [0, 5], ...arc(5, 5, 5, 5, 180, 360), [10, 14]]),
  V: glyph(11, [
    [0, 14],
    [5.5, 0],
    [11, 14],
  ]),
  W: glyph(14, [
    [0, 14],
    [3.2, 0],
    [7, 11],
    [10.8, 0],
    [14, 14],
  ]),
  X: glyph(
    10,
    [
      [0, 14],
      [10, 0],
    ],
    [
      [0, 0],
      [10, 14],
    ],
  ),
  Y: glyph(
    10,
    [
      [0, 14],
      [5, 7],
      [10, 14],
    ],
    [
      [5, 7],
      [5, 0],
    ],
  ),
  Z: glyph(10, [
    [0, 14],
    [10, 14],
    [0, 0],
    [10, 0],
  ]),
  '0': glyph(10, arc(5, 7, 5, 7, 0, 360)),
  '1': glyph(5.5, [
    [1, 11],
    [5.5, 14],
    [5.5, 0],
  ]),
  '2': glyph(10, [...arc(5, 10, 5, 4, 160, -25), [0, 0], [10, 0]]),
  '3': glyph(10, [...arc(5, 10.5, 4.5, 3.5, 150, -90), ...arc(5, 3.5, 5, 3.5, 90, -150)]),
  '4': glyph(10, [
    [7.5, 0],
    [7.5, 14],
    [0, 4],
    [10, 4],
  ]),
  '5': glyph(10, [[9, 14], [1.2, 14], [0.6, 7.8], ...arc(5, 4.5, 5, 4.5, 125, -150)]),
  '6': glyph(10, arc(5, 4.5, 5, 4.5, 0, 360), [[0, 4.5], ...arc(8, 4.5, 8, 9.5, 180, 90)]),
  '7': glyph(10, [
    [0, 14],
    [10, 14],
    [3, 0],
  ]),
  '8': glyph(10, arc(5, 10.5, 4.2, 3.5, -90, 270), arc(5, 3.5, 5, 3.5, 90, 450)),
  '9': glyph(10, arc(5, 9.5, 5, 4.5, 0, 360), [[10, 9.5], ...arc(2, 9.5, 8, 9.5, 0, -90)]),
};

/**
 * The glyph drawn for a text: its first character upper-cased (locale-independent), accents dropped; `undefined`
 * when the font has no such letter (the avatar is then the plain colour).
 */
export function glyphFor(text: string): Glyph | undefined {
  const first = Array.from(text)[0];
  if (first === undefined) return undefined;
  const base = Array.from(first.toUpperCase().normalize('NFD'))[0] ?? '';
  return GLYPHS[base];
}
