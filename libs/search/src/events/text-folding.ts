/** Lower case without diacritics (`Réunion` → `reunion`), as OpenSearch's lowercase + asciifolding filters. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Folded words: letters and digits, split on anything else (an address gives its parts). */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A parsed free-text query for the MongoDB adapter: phrases, required word prefixes, excluded words. */
export interface TextQuery {
  phrases: string[];
  prefixes: string[];
  excluded: string[];
}

/**
 * Reads a free-text query: `"quoted phrases"` must appear as such, `-word` must not, every other word must start a
 * word of the event (`*` and `~` suffixes and `|` are read as plain separators).
 */
export function parseTextQuery(text: string): TextQuery {
  const query: TextQuery = { phrases: [], prefixes: [], excluded: [] };
  const rest = text.replace(/"([^"]*)"?/g, (_, phrase: string) => {
    const words = foldedWords(phrase);
    if (words.length) query.phrases.push(words.join(' '));
    return ' ';
  });
  for (const token of rest.split(/\s+/).filter(Boolean)) {
    const words = foldedWords(token);
    if (token.startsWith('-') && token.length > 1) query.excluded.push(...words);
    else query.prefixes.push(...words);
  }
  return query;
}
