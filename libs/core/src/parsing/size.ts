const UNIT_BYTES: Record<string, number> = {
  bytes: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

/** Sizes: integer plus an optional case-sensitive unit among bytes, KiB, MiB, GiB, TiB. Returns bytes. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+)\s*([A-Za-z]*)$/.exec(text.trim());
  if (!match) return undefined;
  const factor = match[2] ? UNIT_BYTES[match[2]] : 1;
  return factor === undefined ? undefined : Number(match[1]) * factor;
}
