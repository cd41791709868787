/**
 * The review desk: the editors' queues and feed. Proposals (approve, reject with a reason, comment,
 * withdraw one's own; a proposal whose record moved on is marked and cannot be approved), readers'
 * reports (resolve with a note), the activity feed (by person or record) and, for admins, releases.
 */
import { useId, useState } from 'react';
import { ApiError, request } from '../api/client.ts';
import { useRemote } from '../api/use-remote.ts';
import { useSession, type Viewer } from '../app/session.ts';
import {
  ActivityDocument,
  ApproveProposalDocument,
  CommentOnProposalDocument,
  CreateReleaseDocument,
  ProposalsDocument,
  RebaseProposalDocument,
  RejectProposalDocument,
  ReportsDocument,
  ResolveReportDocument,
  WithdrawProposalDocument,
  type ProposalFieldsFragment,
  type ProposalStatus,
  type ReportsQuery,
} from './generated.ts';
import { LoadFailure } from './LoadFailure.tsx';
import type { TaskProps } from './task-props.ts';

export type DeskTab = 'proposals' | 'reports' | 'activity' | 'releases';

const TABS: readonly { readonly tab: DeskTab; readonly label: string; readonly adminOnly?: boolean }[] = [
  { tab: 'proposals', label: 'Proposals' },
  { tab: 'reports', label: 'Reports' },
  { tab: 'activity', label: 'Activity' },
  { tab: 'releases', label: 'Releases', adminOnly: true },
];

export interface ReviewDeskProps extends TaskProps {
  readonly viewer: Viewer;
  readonly initialTab?: DeskTab;
}

export function ReviewDesk({ viewer, initialTab = 'proposals', onWrite }: ReviewDeskProps) {
  const [tab, setTab] = useState<DeskTab>(initialTab);
  const tabs = TABS.filter((entry) => !entry.adminOnly || viewer.role === 'ADMIN');
  const panelId = useId();
  return (
    <div className="review-desk">
      <div role="tablist" aria-label="Review desk" className="segmented desk-tabs">
        {tabs.map((entry) => (
          <button
            key={entry.tab}
            type="button"
            role="tab"
            id={`${panelId}-${entry.tab}`}
            aria-selected={tab === entry.tab}
            aria-controls={panelId}
            onClick={() => setTab(entry.tab)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={`${panelId}-${tab}`}>
        {tab === 'proposals' ? <ProposalQueue viewer={viewer} onWrite={onWrite} /> : null}
        {tab === 'reports' ? <ReportQueue onWrite={onWrite} /> : null}
        {tab === 'activity' ? <ActivityFeed /> : null}
        {tab === 'releases' ? <ReleaseMaker onWrite={onWrite} /> : null}
      </div>
    </div>
  );
}

// ── proposals ──────────────────────────────────────────────────────────────────────────────────

const PROPOSAL_FILTERS: readonly {
  readonly key: string;
  readonly label: string;
  readonly status: ProposalStatus[];
}[] = [
  { key: 'waiting', label: 'Waiting for review', status: ['OPEN'] },
  { key: 'conflict', label: 'In conflict', status: ['CONFLICT'] },
  { key: 'decided', label: 'Decided', status: ['PUBLISHED', 'REJECTED', 'WITHDRAWN'] },
];

function ProposalQueue({ viewer, onWrite }: TaskProps & { readonly viewer: Viewer }) {
  const [filter, setFilter] = useState('waiting');
  const [mine, setMine] = useState(false);
  const status = PROPOSAL_FILTERS.find((entry) => entry.key === filter)?.status ?? ['OPEN'];
  const proposals = useRemote(
    JSON.stringify(['proposals', status, mine, viewer.name]),
    async (send) =>
      (await send(ProposalsDocument, { status, first: 50, ...(mine ? { proposer: viewer.name } : {}) }))
        .proposals,
  );
  const filterId = useId();
  return (
    <section aria-label="Proposals">
      <div className="desk-filters">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)}>
          {PROPOSAL_FILTERS.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.label}
            </option>
          ))}
        </select>
        <label className="choice">
          <input type="checkbox" checked={mine} onChange={(event) => setMine(event.target.checked)} /> Only
          mine
        </label>
      </div>
      {proposals.status === 'loading' || proposals.status === 'idle' ? (
        <p className="status">Loading proposals…</p>
      ) : null}
      {proposals.status === 'error' ? (
        <LoadFailure error={proposals.error} onRetry={proposals.reload} />
      ) : null}
      {proposals.status === 'ready' && proposals.data.length === 0 ? (
        <p className="status">No proposals here.</p>
      ) : null}
      {proposals.status === 'ready' ? (
        <ul className="desk-list">
          {proposals.data.map((proposal) => (
            <li key={proposal.id}>
              <ProposalCard proposal={proposal} viewer={viewer} onWrite={onWrite} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

const STATUS_WORDS: Readonly<Record<ProposalStatus, string>> = {
  OPEN: 'Waiting for review',
  PUBLISHED: 'Published',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  CONFLICT: 'In conflict',
};

type Step = 'approve' | 'reject' | 'comment' | 'withdraw' | 'rebase';

function ProposalCard({
  proposal,
  viewer,
  onWrite,
}: TaskProps & { readonly proposal: ProposalFieldsFragment; readonly viewer: Viewer }) {
  const [step, setStep] = useState<Step | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const own = proposal.proposer === viewer.name;
  const live = proposal.status === 'OPEN' || proposal.status === 'CONFLICT';
  // The proposer may put an edit whose record moved on back on top of the current version.
  const rebasable =
    own && live && proposal.baseVersion !== null && (proposal.stale || proposal.status === 'CONFLICT');
  const { requestEdit } = useSession();

  const act = (): void => {
    if (step === null) return;
    if ((step === 'reject' || step === 'comment' || step === 'rebase') && text.trim() === '') {
      setError(
        step === 'reject'
          ? 'Say why it is rejected.'
          : step === 'rebase'
            ? 'Say why your change still holds on the current version.'
            : 'Write a comment.',
      );
      return;
    }
    setBusy(true);
    setError(null);
    const ids = { id: proposal.id, expectedVersion: proposal.version };
    const words = text.trim() === '' ? null : text.trim();
    const sent =
      step === 'approve'
        ? request(ApproveProposalDocument, { ...ids, comment: words }).then(({ approveProposal }) =>
            approveProposal.status === 'PUBLISHED'
              ? `Approved and published: ${proposal.description} “${proposal.targetLabel}”.`
              : `Not published: ${approveProposal.reason ?? 'the record changed since the proposal was made'}.`,
          )
        : step === 'reject'
          ? request(RejectProposalDocument, { ...ids, reason: text.trim() }).then(() => 'Proposal rejected.')
          : step === 'withdraw'
            ? request(WithdrawProposalDocument, { ...ids, reason: words }).then(() => 'Proposal withdrawn.')
            : step === 'rebase'
              ? request(RebaseProposalDocument, { ...ids, comment: text.trim() }).then(
                  () => 'Your change now applies to the current version and waits for review again.',
                )
              : request(CommentOnProposalDocument, { id: proposal.id, text: text.trim() }).then(
                  () => 'Comment added.',
                );
    sent.then(
      (message) => {
        setBusy(false);
        setStep(null);
        setText('');
        onWrite(message, step === 'approve' ? proposal.targetId : undefined);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(
          failure instanceof ApiError && failure.code === 'CONFLICT'
            ? 'Someone acted on this proposal meanwhile; the list has been reloaded.'
            : failure instanceof Error
              ? failure.message
              : 'That did not work.',
        );
      },
    );
  };

  return (
    <article
      className={`card proposal-card status-${proposal.status.toLowerCase()}`}
      aria-label={`Proposal: ${proposal.description} ${proposal.targetLabel}`}
    >
      <p className="proposal-head">
        <strong>
          {proposal.description} “{proposal.targetLabel}”
        </strong>
      </p>
      <p className="muted">
        {STATUS_WORDS[proposal.status]} · proposed by {proposal.proposer} on {proposal.createdAt.slice(0, 10)}
        {proposal.decidedBy ? ` · ${proposal.status.toLowerCase()} by ${proposal.decidedBy}` : ''}
      </p>
      <p className="proposal-comment">{proposal.comment}</p>
      {proposal.stale ? (
        <p className="proposal-stale" role="note">
          The record has changed since this was proposed (version {proposal.baseVersion ?? 'new'} →{' '}
          {proposal.currentVersion ?? 'taken'}): approving it would overwrite that change, so it will not be
          published. Its proposer can see what changed and put the change on top of the current version, or
          withdraw it.
        </p>
      ) : null}
      {proposal.reason ? <p className="proposal-reason">Reason: {proposal.reason}</p> : null}
      <details>
        <summary>The change</summary>
        <pre className="proposal-change">{JSON.stringify(proposal.change, null, 2)}</pre>
      </details>
      {proposal.comments.length > 0 ? (
        <ul className="proposal-comments" aria-label="Discussion">
          {proposal.comments.map((comment) => (
            <li key={`${comment.at}-${comment.author}`}>
              <strong>{comment.author}</strong>: {comment.text}
            </li>
          ))}
        </ul>
      ) : null}
      {step === null ? (
        <div className="editor-actions">
          {live && !own && proposal.status === 'OPEN' ? (
            <button type="button" className="primary-action" onClick={() => setStep('approve')}>
              Approve…
            </button>
          ) : null}
          {live && !own ? (
            <button type="button" onClick={() => setStep('reject')}>
              Reject…
            </button>
          ) : null}
          {rebasable ? (
            <>
              <button type="button" onClick={() => requestEdit({ kind: 'history', id: proposal.targetId })}>
                See what changed
              </button>
              <button type="button" onClick={() => setStep('rebase')}>
                Put my change on top…
              </button>
            </>
          ) : null}
          {live &&
          own &&
          (proposal.changeKind === 'UPDATE_NODE' || proposal.changeKind === 'UPDATE_SOURCE') ? (
            <button
              type="button"
              onClick={() => requestEdit({ kind: 'changeProposal', proposalId: proposal.id })}
            >
              Change…
            </button>
          ) : null}
          {live && own ? (
            <button type="button" onClick={() => setStep('withdraw')}>
              Withdraw…
            </button>
          ) : null}
          <button type="button" onClick={() => setStep('comment')}>
            Comment…
          </button>
        </div>
      ) : (
        <div className="proposal-step" role="group" aria-label={`${step} the proposal`}>
          <label htmlFor={textId}>
            {step === 'approve'
              ? 'Comment (optional)'
              : step === 'reject'
                ? 'Why is it rejected? (required, the proposer reads it)'
                : step === 'withdraw'
                  ? 'Why (optional)'
                  : step === 'rebase'
                    ? 'Why your change still holds on the current version (required)'
                    : 'Comment'}
          </label>
          <StepText id={textId} value={text} onChange={setText} error={error} />
          <div className="editor-actions">
            <button
              type="button"
              className={step === 'reject' || step === 'withdraw' ? 'danger' : 'primary'}
              onClick={act}
              disabled={busy}
            >
              {busy
                ? 'Sending…'
                : step === 'approve'
                  ? 'Approve and publish'
                  : step === 'reject'
                    ? 'Reject'
                    : step === 'withdraw'
                      ? 'Withdraw'
                      : step === 'rebase'
                        ? 'Put it on top of the current version'
                        : 'Add comment'}
            </button>
            <button type="button" onClick={() => setStep(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </article>
  );
}

/** A step's text box (a reason, a comment, a note) and what is wrong with it. */
function StepText({
  id,
  value,
  onChange,
  error,
}: {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error: string | null;
}) {
  return (
    <>
      <textarea id={id} rows={2} value={value} onChange={(event) => onChange(event.target.value)} />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

// ── reports ────────────────────────────────────────────────────────────────────────────────────

const PROBLEM_WORDS: Readonly<Record<ReportsQuery['reports'][number]['problem'], string>> = {
  QUOTE_WRONG: 'A quote is wrong',
  SOURCE_MISSING: 'A source is missing',
  SOURCE_WRONG: 'The source is wrong',
  OVERSTATED: 'Says more than the evidence',
  OTHER: 'Something else',
};

function ReportQueue({ onWrite }: TaskProps) {
  const [open, setOpen] = useState(true);
  const status: ('OPEN' | 'RESOLVED')[] = open ? ['OPEN'] : ['RESOLVED'];
  const reports = useRemote(
    JSON.stringify(['reports', status]),
    async (send) => (await send(ReportsDocument, { status, first: 50 })).reports,
  );
  return (
    <section aria-label="Reports">
      <div className="desk-filters">
        <label className="choice">
          <input type="checkbox" checked={!open} onChange={(event) => setOpen(!event.target.checked)} /> Show
          resolved
        </label>
      </div>
      {reports.status === 'loading' || reports.status === 'idle' ? (
        <p className="status">Loading reports…</p>
      ) : null}
      {reports.status === 'error' ? <LoadFailure error={reports.error} onRetry={reports.reload} /> : null}
      {reports.status === 'ready' && reports.data.length === 0 ? (
        <p className="status">{open ? 'No open reports.' : 'No resolved reports.'}</p>
      ) : null}
      {reports.status === 'ready' ? (
        <ul className="desk-list">
          {reports.data.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} onWrite={onWrite} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ReportCard({ report, onWrite }: TaskProps & { readonly report: ReportsQuery['reports'][number] }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const resolve = (): void => {
    if (note.trim() === '') {
      setError('Say what was done about it.');
      return;
    }
    setBusy(true);
    request(ResolveReportDocument, {
      id: report.id,
      expectedVersion: report.version,
      note: note.trim(),
    }).then(
      () => {
        setBusy(false);
        onWrite('Report resolved.');
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof Error ? failure.message : 'That did not work.');
      },
    );
  };
  return (
    <article className="card report-card" aria-label={`Report: ${PROBLEM_WORDS[report.problem]}`}>
      <p>
        <strong>{PROBLEM_WORDS[report.problem]}</strong> · {report.createdAt.slice(0, 10)}
      </p>
      <p>
        On <q>{report.claim?.reading ?? report.claimId}</q>
        {report.evidenceId ? ` (evidence ${report.evidenceId})` : ''}
      </p>
      {report.text ? <blockquote>{report.text}</blockquote> : null}
      {report.status === 'RESOLVED' ? (
        <p className="muted">
          Resolved by {report.resolvedBy}: {report.note}
        </p>
      ) : (
        <div className="proposal-step">
          <label htmlFor={noteId}>What was done (required to resolve)</label>
          <StepText id={noteId} value={note} onChange={setNote} error={error} />
          <div className="editor-actions">
            <button type="button" onClick={() => onWrite('', report.claimId)}>
              Show the claim
            </button>
            <button type="button" onClick={resolve} disabled={busy}>
              {busy ? 'Sending…' : 'Resolve'}
            </button>
          </div>
        </div>
      )}
    </article>
  );
}

// ── activity ───────────────────────────────────────────────────────────────────────────────────

function ActivityFeed() {
  const [actor, setActor] = useState('');
  const [target, setTarget] = useState('');
  const [pages, setPages] = useState(1);
  const actorId = useId();
  const targetId = useId();
  const filters = {
    ...(actor.trim() ? { actor: actor.trim() } : {}),
    ...(target.trim() ? { targetId: target.trim() } : {}),
  };
  const feed = useRemote(
    JSON.stringify(['activity', filters, pages]),
    async (send) => (await send(ActivityDocument, { ...filters, first: 25 * pages })).activity,
  );
  return (
    <section aria-label="Activity">
      <div className="desk-filters">
        <label htmlFor={actorId}>Person</label>
        <input id={actorId} type="text" value={actor} onChange={(event) => setActor(event.target.value)} />
        <label htmlFor={targetId}>Record or proposal id</label>
        <input id={targetId} type="text" value={target} onChange={(event) => setTarget(event.target.value)} />
      </div>
      {feed.status === 'loading' || feed.status === 'idle' ? (
        <p className="status">Loading activity…</p>
      ) : null}
      {feed.status === 'error' ? <LoadFailure error={feed.error} onRetry={feed.reload} /> : null}
      {feed.status === 'ready' && feed.data.entries.length === 0 ? (
        <p className="status">Nothing yet.</p>
      ) : null}
      {feed.status === 'ready' ? (
        <>
          <ol className="activity-list">
            {feed.data.entries.map((entry) => (
              <li key={entry.seq}>
                <span className="muted">
                  {entry.at.slice(0, 16).replace('T', ' ')} · {entry.actor}
                </span>{' '}
                {entry.summary}
              </li>
            ))}
          </ol>
          {feed.data.nextCursor ? (
            <button type="button" onClick={() => setPages(pages + 1)}>
              Show more
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

// ── releases (admins) ──────────────────────────────────────────────────────────────────────────

function ReleaseMaker({ onWrite }: TaskProps) {
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const noteId = useId();
  const create = (event: React.SubmitEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    request(CreateReleaseDocument, { name: name.trim(), note: note.trim() === '' ? null : note.trim() }).then(
      ({ createRelease }) => {
        setBusy(false);
        setName('');
        setNote('');
        onWrite(`Release ${createRelease.number} made. ${createRelease.citation}`);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof Error ? failure.message : 'The release was not made.');
      },
    );
  };
  return (
    <form className="editor-form" onSubmit={create} noValidate>
      <p className="field-hint">
        A release freezes the published graph as it is now, with the next number, so that a paper can cite it.
        Readers open it from the Releases list.
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="editor-field">
        <label htmlFor={nameId}>Name</label>
        <p className="field-hint">Letters, digits, dots, dashes: “2026.12”, “v1”.</p>
        <input id={nameId} type="text" value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="editor-field">
        <label htmlFor={noteId}>Note (optional)</label>
        <textarea id={noteId} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="editor-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Freezing…' : 'Make the release'}
        </button>
      </div>
    </form>
  );
}
