import { ldapts } from './ldapts';

/**
 * An administrator-supplied RFC 4515 filter, checked and put in its canonical parenthesised form; `undefined` when
 * it does not parse. A filter given without its outer parentheses (`uid=alice`) is accepted as `(uid=alice)`.
 */
export function canonicalLdapFilter(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const candidate = trimmed.startsWith('(') ? trimmed : `(${trimmed})`;
  if (!balanced(candidate)) return undefined;
  try {
    return ldapts().FilterParser.parseString(candidate).toString();
  } catch {
    return undefined;
  }
}

/** The parser tolerates a missing closing parenthesis; RFC 4515 does not (values escape parentheses as `\28`). */
function balanced(filter: string): boolean {
  let depth = 0;
  for (let index = 0; index < filter.length; index++) {
    const character = filter[index];
    if (character === '\\') index += 2;
    else if (character === '(') depth++;
    else if (character === ')') {
      depth--;
      if (depth < 0 || (depth === 0 && index !== filter.length - 1)) return false;
    }
  }
  return depth === 0;
}
