/**
 * Shown when a save lost a race: someone saved the record first (CONFLICT). It says what they
 * changed beside what I typed, field by field, and offers to resend mine on top of theirs or to
 * drop mine and start again from what is saved.
 */
import type { ReactNode } from 'react';

/** One field's two sides; `theyChanged` / `iChanged` are relative to the version I started from. */
export interface ConflictField {
  readonly label: string;
  readonly theirs: string;
  readonly mine: string;
  readonly theyChanged: boolean;
  readonly iChanged: boolean;
}

export interface ConflictNoticeProps {
  readonly message: ReactNode;
  /** Omitted when there is nothing to compare field by field (evidence is added or removed whole). */
  readonly fields?: readonly ConflictField[];
  readonly retryLabel: string;
  readonly onRetry: () => void;
  readonly discardLabel: string;
  readonly onDiscard: () => void;
  readonly busy: boolean;
}

export function ConflictNotice(props: ConflictNoticeProps) {
  const { message, fields, retryLabel, onRetry, discardLabel, onDiscard, busy } = props;
  return (
    <div className="conflict-notice">
      <p role="alert">{message}</p>
      {fields === undefined || fields.length === 0 ? null : (
        <table>
          <caption className="visually-hidden">Saved values beside yours</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.label}>
                <th scope="row">{field.label}</th>
                <td>
                  <Value text={field.theirs} />
                  {field.theyChanged ? <span className="conflict-tag">changed by them</span> : null}
                </td>
                <td>
                  <Value text={field.mine} />
                  {field.iChanged ? <span className="conflict-tag">changed by you</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="editor-actions">
        <button type="button" onClick={onRetry} disabled={busy}>
          {retryLabel}
        </button>
        <button type="button" onClick={onDiscard} disabled={busy}>
          {discardLabel}
        </button>
      </div>
    </div>
  );
}

function Value({ text }: { readonly text: string }) {
  return text.trim() === '' ? (
    <em className="empty-value">(empty)</em>
  ) : (
    <span className="value">{text}</span>
  );
}
