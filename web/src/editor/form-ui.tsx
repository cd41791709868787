/**
 * The pieces every editor form shares: a labelled field whose message is tied to its control
 * (aria-invalid, aria-describedby), and the error summary at the top of a form (role="alert").
 */
import type { ReactNode } from 'react';
import { summaryLines, type FieldErrors, type FormErrors } from './field-errors.ts';

/** A stable element id for a field path inside one form ("evidence[0].quote" → "r1-evidence-0-quote"). */
export function fieldId(formId: string, field: string): string {
  return `${formId}-${field}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The attributes that tie a control to its label, hint and message. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/** The ids a control is described by: its hint, its message, and any extra (a group's message). */
export function describedBy(...ids: readonly (string | null)[]): string | undefined {
  const present = ids.filter((id) => id !== null);
  return present.length === 0 ? undefined : present.join(' ');
}

export interface FieldProps {
  readonly formId: string;
  /** The field path, as the server names it in errors. */
  readonly field: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly errors: FieldErrors;
  /** Another message that also describes this control (the evidence item's own message). */
  readonly alsoDescribedBy?: string | null;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A label, an optional hint, the control, and its message when there is one. */
export function Field({ formId, field, label, hint, errors, alsoDescribedBy = null, children }: FieldProps) {
  const id = fieldId(formId, field);
  const error = errors[field];
  const hintId = hint === undefined ? null : `${id}-hint`;
  const errorId = error === undefined ? null : `${id}-error`;
  return (
    <div className="editor-field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error !== undefined || undefined,
        'aria-describedby': describedBy(hintId, errorId, alsoDescribedBy),
      })}
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}

/** A field's message, when there is one. */
export function FieldMessage({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  return message === undefined ? null : (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export interface ErrorSummaryProps {
  readonly formId: string;
  readonly errors: FormErrors;
  /** What did not happen: "Not saved", "Not signed in". */
  readonly title?: string;
}

/** The summary at the top of a form: each message links to its field. Always mounted, so it is announced. */
export function ErrorSummary({ formId, errors, title = 'Not saved' }: ErrorSummaryProps) {
  const lines = summaryLines(errors);
  return (
    <div role="alert" className={lines.length === 0 ? 'error-summary empty' : 'error-summary'}>
      {lines.length === 0 ? null : (
        <>
          <p className="error-summary-title">{title}:</p>
          <ul>
            {lines.map(({ field, text }) => (
              <li key={field ?? 'form'}>
                {field === null ? text : <a href={`#${fieldId(formId, field)}`}>{text}</a>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
