import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../server/src/domain/errors.ts';
import { assertRelationAllowed } from '../../../server/src/domain/relations.ts';
import { applyNodePatch, checkClaimInput, checkSourceInput } from '../../../server/src/domain/validate.ts';
import { CLAIM_FIELDS } from '../../../web/src/editor/claim-values.ts';
import { evidenceFields } from '../../../web/src/editor/evidence-values.ts';
import {
  formErrorsOf,
  hasErrors,
  NO_ERRORS,
  summaryLines,
  toErrorLike,
  type ErrorLike,
} from '../../../web/src/editor/field-errors.ts';
import { labelOf } from '../../../web/src/editor/field-labels.ts';
import { NODE_FIELDS } from '../../../web/src/editor/node-values.ts';
import { SOURCE_FIELDS } from '../../../web/src/editor/source-values.ts';

/** The error a domain check raises, as the API sends it (errors.ts maps BAD_INPUT to BAD_USER_INPUT). */
function serverError(run: () => unknown): ErrorLike {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) {
      return { message: error.message, code: 'BAD_USER_INPUT', field: error.field };
    }
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const note = {
  sourceId: 'source:doe-2000',
  note: 'Synthetic note.',
  level: 'rct',
  stance: 'supports',
} as const;
const content = { name: 'Example node', summary: '', aliases: [], xrefs: [] };

describe('placing server errors on the forms', () => {
  it('puts a node field error next to its field, without the path prefix', () => {
    const errors = formErrorsOf(
      serverError(() => applyNodePatch('mechanism', content, { name: '  ' })),
      NODE_FIELDS,
    );
    expect(errors).toEqual({ fields: { name: 'Must not be empty' }, form: null });
  });

  it('puts a list entry error on the list and says which entry', () => {
    const errors = formErrorsOf(
      serverError(() => applyNodePatch('mechanism', content, { xrefs: ['EX:1', 'not a curie'] })),
      NODE_FIELDS,
    );
    expect(Object.keys(errors.fields)).toEqual(['xrefs']);
    expect(errors.fields['xrefs']).toMatch(/^Entry 2: /);
  });

  it('places evidence errors of a new claim under evidence[0]', () => {
    const missingText = serverError(() =>
      checkClaimInput({
        relation: 'PROPOSES',
        from: 'theory:example',
        to: 'mechanism:example',
        evidence: [{ sourceId: 'source:doe-2000', level: 'rct', stance: 'supports' }],
      }),
    );
    expect(formErrorsOf(missingText, CLAIM_FIELDS).fields).toHaveProperty(['evidence[0]']);

    const badSource = serverError(() =>
      checkClaimInput({
        relation: 'PROPOSES',
        from: 'theory:example',
        to: 'mechanism:example',
        evidence: [{ ...note, sourceId: 'theory:example' }],
      }),
    );
    expect(formErrorsOf(badSource, CLAIM_FIELDS).fields).toHaveProperty(['evidence[0].sourceId']);
  });

  it('shows the relation table refusal at the relation', () => {
    const refused = serverError(() => {
      assertRelationAllowed('PROPOSES', 'symptom', 'therapy');
    });
    const errors = formErrorsOf(refused, CLAIM_FIELDS);
    expect(errors.form).toBeNull();
    expect(errors.fields['relation']).toMatch(/^PROPOSES cannot connect a symptom to a therapy/);
  });

  it('places source fields of the new-source form', () => {
    const errors = formErrorsOf(
      serverError(() => checkSourceInput({ sourceKind: 'paper', title: 'Example', doi: 'doi:10.1/x' })),
      SOURCE_FIELDS,
    );
    expect(Object.keys(errors.fields)).toEqual(['doi']);
  });

  it('gives the longest matching field: evidence.id belongs to the evidence item', () => {
    const duplicate = { message: 'evidence.id: already there', code: 'BAD_USER_INPUT', field: 'evidence.id' };
    expect(formErrorsOf(duplicate, evidenceFields('evidence')).fields).toEqual({ evidence: 'Already there' });
  });

  it('keeps unknown fields and other codes for the form, in words', () => {
    const unknown = { message: 'evidenceId: cannot remove', code: 'BAD_USER_INPUT', field: 'evidenceId' };
    expect(formErrorsOf(unknown, [])).toEqual({ fields: {}, form: 'Evidence item: cannot remove' });
    const inUse = { message: 'still used by 2 claim(s)', code: 'CONFLICT', field: null };
    expect(formErrorsOf(inUse, NODE_FIELDS)).toEqual({ fields: {}, form: 'still used by 2 claim(s)' });
    const signedOut = { message: 'Sign in to make changes', code: 'UNAUTHENTICATED', field: null };
    expect(formErrorsOf(signedOut, NODE_FIELDS).form).toMatch(/sign in again/);
  });
});

describe('error helpers', () => {
  it('reads code and field off any thrown error', () => {
    const apiLike = Object.assign(new Error('boom'), { code: 'BAD_USER_INPUT', field: 'name' });
    expect(toErrorLike(apiLike)).toEqual({ message: 'boom', code: 'BAD_USER_INPUT', field: 'name' });
    expect(toErrorLike(new Error('plain'))).toEqual({ message: 'plain', code: 'UNKNOWN', field: null });
    expect(toErrorLike('text')).toEqual({ message: 'text', code: 'UNKNOWN', field: null });
  });

  it('lists field messages with their labels, then the form message', () => {
    expect(hasErrors(NO_ERRORS)).toBe(false);
    const errors = { fields: { 'evidence[0].quote': 'Too long' }, form: 'Not saved' };
    expect(hasErrors(errors)).toBe(true);
    expect(summaryLines(errors)).toEqual([
      { field: 'evidence[0].quote', text: 'Quote: Too long' },
      { field: null, text: 'Not saved' },
    ]);
  });

  it('names fields plainly', () => {
    expect(labelOf('aliases[2]')).toBe('Aliases');
    expect(labelOf('evidence.sourceId')).toBe('Source');
    expect(labelOf('someNewField')).toBe('Some new field');
  });
});
