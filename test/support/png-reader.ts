import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGB of the pixel at (x, y), as `#rrggbb`. */
  pixel: (x: number, y: number) => string;
}

/** Decodes the 8-bit RGB, unfiltered-or-filtered PNGs we produce (enough to check size and colours). */
export function readPng(data: Buffer): DecodedPng {
  if (!data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 2) throw new Error('only 8-bit RGB is supported');
    } else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= 3 ? pixels[y * stride + x - 3]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const value =
        filter === 0 ? row[x]! : filter === 1 ? row[x]! + left : filter === 2 ? row[x]! + up : NaN;
      if (Number.isNaN(value)) throw new Error(`unsupported filter ${filter}`);
      pixels[y * stride + x] = value & 0xff;
    }
  }
  const hex = (value: number) => value.toString(16).padStart(2, '0');
  return {
    width,
    height,
    pixel: (x, y) => {
      const at = y * stride + x * 3;
      return `#${hex(pixels[at]!)}${hex(pixels[at + 1]!)}${hex(pixels[at + 2]!)}`;
    },
  };
}
