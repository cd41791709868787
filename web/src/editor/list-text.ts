/** Lists typed into one text box (aliases, cross-references, authors). Pure. */

/**
 * One entry per line; when everything is on one line, commas separate entries too. Entries are
 * trimmed and blanks dropped. Several lines keep their commas, so "Smith, J" survives as a line.
 */
export function parseList(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const parts = lines.length === 1 ? (lines[0] ?? '').split(',') : lines;
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The text box content for a list: one entry per line, so entries with commas round-trip. */
export function formatList(list: readonly string[]): string {
  return list.join('\n');
}

/** True when two list texts hold the same entries in the same order. */
export function sameList(a: string, b: string): boolean {
  const left = parseList(a);
  const right = parseList(b);
  return left.length === right.length && left.every((entry, index) => entry === right[index]);
}
