/**
 * Where a failed write's message belongs on a form. The server names the offending input field in
 * `extensions.field` with the domain's path spelling (`name`, `aliases[2]`, `evidence[0].quote`,
 * `evidence.sourceId`); forms key their fields the same way, so one lookup places server and
 * client-side messages alike. Pure: no React, no fetch.
 */
import { labelOf } from './field-labels.ts';

/** Messages keyed by a form's field path. */
export type FieldErrors = Readonly<Record<string, string>>;

/** A form's errors: next to fields, and one for the form as a whole. */
export interface FormErrors {
  readonly fields: FieldErrors;
  readonly form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** What the editor needs of a failure (`ApiError` from api/client.ts has these). */
export interface ErrorLike {
  readonly message: string;
  readonly code: string;
  readonly field: string | null;
}

/** Reads code and field off anything thrown, without depending on the client module. */
export function toErrorLike(error: unknown): ErrorLike {
  if (!(error instanceof Error)) return { message: String(error), code: 'UNKNOWN', field: null };
  const { code, field } = error as Error & { code?: unknown; field?: unknown };
  return {
    message: error.message,
    code: typeof code === 'string' ? code : 'UNKNOWN',
    field: typeof field === 'string' ? field : null,
  };
}

/** True when there is anything to show. */
export function hasErrors(errors: FormErrors): boolean {
  return errors.form !== null || Object.keys(errors.fields).length > 0;
}

/**
 * Places a failure: a BAD_USER_INPUT naming one of `fields` (or an entry or part of one) goes next
 * to that field; anything else becomes the form's message, in words an editor can act on.
 */
export function formErrorsOf(error: ErrorLike, fields: readonly string[]): FormErrors {
  if (error.code !== 'BAD_USER_INPUT' || error.field === null) {
    return { fields: {}, form: describeFailure(error) };
  }
  const path = error.field;
  // The domain prefixes its messages with the path ("name: must not be empty").
  const text = error.message.startsWith(`${path}: `) ? error.message.slice(path.length + 2) : error.message;
  const owner = ownerOf(path, fields);
  if (owner === null) return { fields: {}, form: `${labelOf(path)}: ${text}` };
  const entry = /^\[(\d+)\]/.exec(path.slice(owner.length));
  const message = entry ? `Entry ${Number(entry[1]) + 1}: ${text}` : capitalise(text);
  return { fields: { [owner]: message }, form: null };
}

/** The summary's lines: each field message with its label, then the form's own message. */
export function summaryLines(errors: FormErrors): { readonly field: string | null; readonly text: string }[] {
  const lines = Object.entries(errors.fields).map(([field, message]) => ({
    field,
    text: `${labelOf(field)}: ${message}`,
  }));
  return errors.form === null ? lines : [...lines, { field: null, text: errors.form }];
}

/** A non-field failure in words that say what to do next. */
export function describeFailure(error: ErrorLike): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'Your sign-in was not accepted (the token may have been revoked). Sign out and sign in again.';
    case 'FORBIDDEN':
      return 'This account may not make changes: editing needs an editor or admin token.';
    default:
      return error.message;
  }
}

/** The longest known field that is `path` itself or contains it (`aliases` owns `aliases[2]`). */
function ownerOf(path: string, fields: readonly string[]): string | null {
  let best: string | null = null;
  for (const field of fields) {
    const owns = path === field || path.startsWith(`${field}[`) || path.startsWith(`${field}.`);
    if (owns && (best === null || field.length > best.length)) best = field;
  }
  return best;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
