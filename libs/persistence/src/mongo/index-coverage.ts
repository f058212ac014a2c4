/**
 * Which index a MongoDB query can use, decided the way MongoDB's planner selects candidate indexes (neither
 * FerretDB 1.x nor mongo-java-server has `explain`, so the query-index test decides it from the filter and the
 * indexes the start-up created). Rules:
 * - a top-level condition on the first key of an index (equality, `$in`, a range, `$exists: true`, a regex) makes
 *   the index a candidate; the candidate covering the longest prefix of its keys wins, then the one whose first
 *   key is an equality, then `_id`;
 *   `$exists: false` only counts for an index that is neither sparse nor partial;
 * - otherwise a top-level `$or` whose every branch has an index is answered by their union;
 * - otherwise a sort on the first key of an index is a scan of that index (an ordered listing);
 * - anything else is a collection scan.
 * A case-insensitive or unanchored regex still uses the index but with open bounds (every key examined, not every
 * document): the plan says so.
 */
export interface IndexInfo {
  name: string;
  key: Record<string, number>;
  sparse?: boolean;
  partialFilterExpression?: unknown;
}

export interface QueryPlan {
  /** `index_name`, `a_1 ∪ b_1` for an `$or`, `index_name (sort)` for an ordered scan; undefined: collection scan. */
  index?: string;
  /** At least one regex condition has open bounds (case-insensitive or not anchored). */
  openBounds: boolean;
}

type Filter = Record<string, unknown>;

const RANGE_OPERATORS = ['$eq', '$in', '$gt', '$gte', '$lt', '$lte', '$all', '$elemMatch'];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp) &&
  (value.constructor === Object || value.constructor === undefined);

/** `equal`: one key (equality, `$in`); `bounded`: a key range; `open`: every key examined. */
type Condition = 'equal' | 'bounded' | 'open' | 'exists-false' | 'unusable';

function conditionOf(value: unknown): Condition {
  if (value instanceof RegExp) return regexBounded(value.source, value.flags) ? 'bounded' : 'open';
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith('$'))) return 'equal';
  if ('$eq' in value || '$in' in value) return 'equal';
  if ('$regex' in value) {
    const source = value.$regex instanceof RegExp ? value.$regex.source : String(value.$regex);
    const flags = `${value.$regex instanceof RegExp ? value.$regex.flags : ''}${String(value.$options ?? '')}`;
    return regexBounded(source, flags) ? 'bounded' : 'open';
  }
  if (value.$exists === false) return 'exists-false';
  if (value.$exists === true) return 'bounded';
  return Object.keys(value).some((key) => RANGE_OPERATORS.includes(key)) ? 'bounded' : 'unusable';
}

const regexBounded = (source: string, flags: string) => source.startsWith('^') && !flags.includes('i');

/** Top-level conditions of a filter (`$and` flattened), by field. */
function conjuncts(filter: Filter): Map<string, Condition[]> {
  const fields = new Map<string, Condition[]>();
  const visit = (part: Filter) => {
    for (const [field, value] of Object.entries(part)) {
      if (field === '$and' && Array.isArray(value)) value.forEach((item) => visit(item as Filter));
      else if (!field.startsWith('$')) fields.set(field, [...(fields.get(field) ?? []), conditionOf(value)]);
    }
  };
  visit(filter);
  return fields;
}

function usableFor(index: IndexInfo, conditions: Condition[] | undefined): Condition | undefined {
  if (!conditions) return undefined;
  const restricted = index.sparse === true || index.partialFilterExpression !== undefined;
  const usable = conditions.filter((c) => c !== 'unusable' && !(c === 'exists-false' && restricted));
  if (usable.length === 0) return undefined;
  if (usable.includes('equal')) return 'equal';
  return usable.includes('bounded') || usable.includes('exists-false') ? 'bounded' : 'open';
}

/** Higher is tighter. */
const TIGHTNESS: Record<string, number> = { equal: 2, bounded: 1, open: 0 };

export function planQuery(
  filter: Filter | undefined,
  indexes: readonly IndexInfo[],
  sort?: Record<string, unknown> | Map<string, unknown>,
): QueryPlan {
  const fields = conjuncts(filter ?? {});
  let best: { index: IndexInfo; prefix: number; tightness: number; open: boolean } | undefined;
  for (const index of indexes) {
    let prefix = 0;
    let open = false;
    let tightness = 0;
    for (const key of Object.keys(index.key)) {
      const usable = usableFor(index, fields.get(key));
      if (!usable) break;
      if (prefix === 0) tightness = TIGHTNESS[usable]!;
      prefix++;
      open ||= usable === 'open';
    }
    if (prefix === 0) continue;
    const better =
      !best ||
      prefix > best.prefix ||
      (prefix === best.prefix && tightness > best.tightness) ||
      (prefix === best.prefix && tightness === best.tightness && index.name === '_id_');
    if (better) best = { index, prefix, tightness, open };
  }
  if (best) return { index: best.index.name, openBounds: best.open };

  const or = filter?.$or;
  if (Array.isArray(or) && or.length > 0) {
    const branches = or.map((branch) => planQuery(branch as Filter, indexes));
    if (branches.every((branch) => branch.index !== undefined))
      return {
        index: [...new Set(branches.map((branch) => branch.index))].join(' ∪ '),
        openBounds: branches.some((branch) => branch.openBounds),
      };
  }

  // (the driver sends the sort as a Map)
  const sortKeys = sort instanceof Map ? [...(sort as Map<string, unknown>).keys()] : Object.keys(sort ?? {});
  const firstSortKey = sortKeys[0];
  const ordered = indexes.find((index) => firstSortKey && Object.keys(index.key)[0] === firstSortKey);
  if (ordered && Object.keys(filter ?? {}).length === 0)
    return { index: `${ordered.name} (sort)`, openBounds: false };
  return { openBounds: false };
}
