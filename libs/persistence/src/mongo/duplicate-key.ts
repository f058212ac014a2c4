/** MongoDB's duplicate-key write error (server code 11000). */
const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

interface WriteError {
  index: number;
  code?: number;
}

/** Indexes of the documents an unordered insert refused as duplicates; any other failure is rethrown. */
export function duplicatesOf(error: unknown): Set<number> {
  const raw = (error as { writeErrors?: WriteError[] | WriteError }).writeErrors;
  const failures = Array.isArray(raw) ? raw : raw ? [raw] : [];
  if (failures.length === 0 || failures.some((failure) => failure.code !== DUPLICATE_KEY)) throw error;
  return new Set(failures.map((failure) => failure.index));
}
