/**
 * "Report a problem" under a claim: any reader, signed in or not, flags the claim or one of its
 * evidence items for the editors (a quote that is wrong, a missing source, …). The server limits
 * reports per address; the answer says so in words.
 */
import { useId, useState } from 'react';
import './questions.css';
import { ApiError, request } from '../api/client.ts';
import {
  ReportProblemDocument,
  type ClaimDetailFragment,
  type ReportProblem as Problem,
} from '../api/generated.ts';
import { READING_RELEASE } from '../api/release.ts';
import { useSession } from '../app/session.ts';

const PROBLEMS: readonly { readonly value: Problem; readonly label: string }[] = [
  { value: 'QUOTE_WRONG', label: 'A quote is wrong or not in the source' },
  { value: 'SOURCE_MISSING', label: 'A source is missing' },
  { value: 'SOURCE_WRONG', label: 'The source is wrong (or does not say this)' },
  { value: 'OVERSTATED', label: 'The claim says more than the evidence' },
  { value: 'OTHER', label: 'Something else' },
];

type Phase =
  | { readonly type: 'closed' }
  | { readonly type: 'open'; readonly error: string | null; readonly busy: boolean }
  | { readonly type: 'sent' };

export function ReportProblem({ claim }: { readonly claim: ClaimDetailFragment }) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ type: 'closed' });
  const [problem, setProblem] = useState<Problem>('QUOTE_WRONG');
  const [evidenceId, setEvidenceId] = useState('');
  const [text, setText] = useState('');
  const { viewer } = useSession();
  // A release never changes: reports are about the graph as it is now.
  if (READING_RELEASE !== null) return null;
  if (phase.type === 'sent') {
    return (
      <p className="report-sent" role="status">
        Thank you: your report is in the editors’ queue.
      </p>
    );
  }
  if (phase.type === 'closed') {
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => setPhase({ type: 'open', error: null, busy: false })}
      >
        Report a problem with this claim
      </button>
    );
  }
  const submit = (event: React.SubmitEvent): void => {
    event.preventDefault();
    if (problem === 'OTHER' && text.trim() === '') {
      setPhase({ type: 'open', error: 'Say what is wrong.', busy: false });
      return;
    }
    setPhase({ type: 'open', error: null, busy: true });
    request(ReportProblemDocument, {
      claimId: claim.id,
      evidenceId: evidenceId === '' ? null : evidenceId,
      problem,
      text: text.trim() === '' ? null : text.trim(),
    }).then(
      () => setPhase({ type: 'sent' }),
      (error: unknown) =>
        setPhase({
          type: 'open',
          busy: false,
          error:
            error instanceof ApiError && error.code === 'RATE_LIMITED'
              ? 'You have sent several reports in the last hour; please try again later.'
              : error instanceof Error
                ? error.message
                : 'The report could not be sent.',
        }),
    );
  };
  return (
    <form className="report-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Report a problem</h3>
      {phase.error ? (
        <p role="alert" className="field-error">
          {phase.error}
        </p>
      ) : null}
      <fieldset>
        <legend>What is wrong?</legend>
        {PROBLEMS.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={`${id}-problem`}
              value={option.value}
              checked={problem === option.value}
              onChange={() => setProblem(option.value)}
            />{' '}
            {option.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-item`}>About</label>
      <select id={`${id}-item`} value={evidenceId} onChange={(event) => setEvidenceId(event.target.value)}>
        <option value="">The claim as a whole</option>
        {claim.evidence.map((item, index) => (
          <option key={item.id} value={item.id}>
            Evidence {index + 1}: {item.source.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-text`}>Details {problem === 'OTHER' ? '(required)' : '(optional)'}</label>
      <textarea
        id={`${id}-text`}
        value={text}
        maxLength={2000}
        rows={3}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="muted">
        {viewer === null
          ? 'No account needed. Your report goes to the editors; nothing about you is kept.'
          : `Sent as ${viewer.name}, so the editors can ask you about it.`}
      </p>
      <div className="editor-actions">
        <button type="submit" disabled={phase.busy}>
          {phase.busy ? 'Sending…' : 'Send report'}
        </button>
        <button type="button" onClick={() => setPhase({ type: 'closed' })}>
          Cancel
        </button>
      </div>
    </form>
  );
}
