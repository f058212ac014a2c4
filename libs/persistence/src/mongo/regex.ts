/** The text with every regular-expression metacharacter escaped. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `^<escaped text>`: starts with the text (used with the `i` option). */
export const startingWith = (text: string): string => `^${escapeRegex(text)}`;

/** `.*<escaped, trimmed, lower-cased text>.*` as the original writes substring searches. */
export const containing = (text: string): string => `.*${escapeRegex(text.trim().toLowerCase())}.*`;
