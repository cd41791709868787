/** The JSON export is the canonical snapshot and reads back unchanged. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/src/domain/errors.ts';
import { fromJson, toJson } from '../../server/src/export/json-format.ts';

const fixture = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/snapshots/small.json'),
  'utf8',
);

describe('json export', () => {
  it('round-trips a snapshot to the identical snapshot and identical text', () => {
    const snapshot = fromJson(fixture);
    const text = toJson(snapshot);
    expect(fromJson(text)).toEqual(snapshot);
    expect(toJson(fromJson(text))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('rejects text that is not JSON or not a snapshot with a ValidationError', () => {
    expect(() => fromJson('{ nope')).toThrow(ValidationError);
    expect(() => fromJson('{"format":"something-else"}')).toThrow(ValidationError);
  });
});
