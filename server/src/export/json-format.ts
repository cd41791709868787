/** The canonical round-trip format: the GraphSnapshot itself as pretty-printed JSON. */
import { ValidationError } from '../domain/errors.ts';
import type { GraphSnapshot } from '../domain/model.ts';
import { checkSnapshot } from '../store/snapshot.ts';

/** The snapshot as pretty-printed JSON with a trailing newline. */
export function toJson(snapshot: GraphSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Parses and validates a JSON snapshot; the result is in canonical order. */
export function fromJson(text: string): GraphSnapshot {
  return checkSnapshot(parseJson(text));
}

/** JSON.parse with a ValidationError instead of a SyntaxError. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError('file', `is not valid JSON (${(error as Error).message})`);
  }
}
