/**
 * One evidence item as the form holds it, and the EvidenceInput it becomes. Field paths start with a
 * prefix so messages land where the server puts them: `evidence[0].quote` inside createClaim,
 * `evidence.quote` for addEvidence. Pure.
 */
import type { EvidenceInput, EvidenceLevel, Stance } from './generated.ts';
import type { FieldErrors } from './field-errors.ts';

/** A chosen node or source: enough to send its id and show its name. */
export interface Choice {
  readonly id: string;
  readonly name: string;
}

/** What the evidence inputs hold. */
export interface EvidenceValues {
  readonly source: Choice | null;
  readonly quote: string;
  readonly note: string;
  readonly locator: string;
  readonly level: EvidenceLevel | '';
  readonly stance: Stance;
  readonly unverified: boolean;
}

export const EMPTY_EVIDENCE: EvidenceValues = {
  source: null,
  quote: '',
  note: '',
  locator: '',
  level: '',
  stance: 'SUPPORTS',
  unverified: false,
};

/**
 * The evidence fields under `prefix`. The prefix itself stands for the item as a whole, which is
 * where the server puts "needs a quote, a note, or both" and duplicate-item errors.
 */
export function evidenceFields(prefix: string): string[] {
  return [prefix, ...['sourceId', 'quote', 'note', 'locator', 'level'].map((f) => `${prefix}.${f}`)];
}

/** The input for one evidence item, or what is missing, keyed under `prefix`. */
export function checkEvidence(
  values: EvidenceValues,
  prefix: string,
): { readonly input: EvidenceInput } | { readonly errors: FieldErrors } {
  const { source, level } = values;
  const quote = values.quote.trim();
  const note = values.note.trim();
  const locator = values.locator.trim();
  if (source === null || level === '' || (quote === '' && note === '')) {
    return {
      errors: {
        ...(quote === '' && note === ''
          ? {
              [prefix]: "Give a verbatim quote from the source, a curator's note in your own words, or both.",
            }
          : {}),
        ...(source === null ? { [`${prefix}.sourceId`]: 'Choose a source, or add a new one.' } : {}),
        ...(level === '' ? { [`${prefix}.level`]: 'Choose the level of this evidence.' } : {}),
      },
    };
  }
  return {
    input: {
      sourceId: source.id,
      level,
      stance: values.stance,
      ...(quote === '' ? {} : { quote }),
      ...(note === '' ? {} : { note }),
      ...(locator === '' ? {} : { locator }),
      ...(values.unverified ? { unverified: true } : {}),
    },
  };
}
