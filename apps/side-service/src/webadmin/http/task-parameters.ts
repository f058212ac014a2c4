import { WebadminError } from './webadmin-error';

/**
 * A compulsory enumerated query parameter of a webadmin task route (`task`, `action`; webadmin.md §5, §7): its
 * trimmed value, else 400 `'<name>' query parameter is compulsory…` or `Invalid value supplied for query parameter…`.
 */
export function supportedValue(name: string, raw: string | undefined, supported: readonly string[]): string {
  const values = `Supported values are [${supported.join(', ')}]`;
  if (raw === undefined || raw.trim() === '')
    throw WebadminError.invalidArgument(`'${name}' query parameter is compulsory. ${values}`);
  if (!supported.includes(raw.trim()))
    throw WebadminError.invalidArgument(
      `Invalid value supplied for query parameter '${name}': ${raw}. ${values}`,
    );
  return raw.trim();
}

/** A rate or concurrency query parameter: an integer > 0 (else 400), `fallback` when absent. */
export function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\+?\d+$/.test(raw.trim()) || Number(raw) <= 0 || !Number.isSafeInteger(Number(raw)))
    throw WebadminError.invalidArgument(
      `Invalid value supplied for query parameter '${name}': ${raw}`,
      'a strictly positive integer is expected',
    );
  return Number(raw);
}
