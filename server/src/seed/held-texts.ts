/** The source texts the project holds (seed/texts/*.txt) and the verbatim-quote check against them. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Held texts by their seed-relative path (`texts/x.txt`); null when the file could not be read. */
export type HeldTexts = ReadonlyMap<string, string | null>;

/** Reads each named text once. */
export async function readHeldTexts(dir: string, names: Iterable<string>): Promise<HeldTexts> {
  const texts = new Map<string, string | null>();
  for (const name of names) {
    if (texts.has(name)) continue;
    texts.set(name, await readFile(path.join(dir, name), 'utf8').catch(() => null));
  }
  return texts;
}

/** Why a quote is not a verbatim substring of `text`, or null when it is. */
export function quoteMismatch(quote: string, text: string, textName: string): string | null {
  if (text.includes(quote)) return null;
  const hint = loosen(text).includes(loosen(quote))
    ? ' (it differs only in quotation marks, dashes or spacing: copy it character for character from the file)'
    : '';
  return `not found verbatim in ${textName}${hint}`;
}

function loosen(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
