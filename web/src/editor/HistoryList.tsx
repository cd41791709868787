/**
 * The "History" task: a record's changes (for a node, also its claims'), newest first, page by page,
 * each named in words. Admins can revert a change from here: the server records the undo as a new
 * change, which then heads the list.
 */
import { useState } from 'react';
import { request } from '../api/client.ts';
import { useSession } from '../app/session.ts';
import { NodeHistoryDocument, RevertChangeDocument, type NodeHistoryQuery } from './generated.ts';
import type { TaskProps } from './task-props.ts';
import { describeFailure, toErrorLike } from './field-errors.ts';
import { ACTION_TEXT, diffRecords, type FieldChange } from './history-diff.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { useRemote } from '../api/use-remote.ts';

type Page = NodeHistoryQuery['history'];
type Change = Page['nodes'][number];

const PAGE_SIZE = 20;
const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function fetchPage(targetId: string, after: string | null): Promise<Page> {
  return request(NodeHistoryDocument, { targetId, first: PAGE_SIZE, after }, { fresh: true }).then(
    ({ history }) => history,
  );
}

export function HistoryList({ id, onWrite }: { readonly id: string } & TaskProps) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(JSON.stringify(['HistoryList', id]), () => fetchPage(id, null), {
    followWrites: false,
  });
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle')
    return <p className="status">Loading the history of {id}…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  return (
    <HistoryPages
      // A revert adds a change: start again from the newest page.
      key={`${id}:${loaded.data.nodes[0]?.seq ?? 0}`}
      id={id}
      first={loaded.data}
      onReverted={(message) => {
        onWrite(message);
        reload();
      }}
    />
  );
}

function HistoryPages({
  id,
  first,
  onReverted,
}: {
  readonly id: string;
  readonly first: Page;
  readonly onReverted: (message: string) => void;
}) {
  const [changes, setChanges] = useState<readonly Change[]>(first.nodes);
  const [pageInfo, setPageInfo] = useState(first.pageInfo);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const loadMore = (): void => {
    setLoading(true);
    setFailure(null);
    fetchPage(id, pageInfo.endCursor).then(
      (page) => {
        setChanges((shown) => [...shown, ...page.nodes]);
        setPageInfo(page.pageInfo);
        setLoading(false);
      },
      (error: unknown) => {
        setFailure(describeFailure(toErrorLike(error)));
        setLoading(false);
      },
    );
  };

  return (
    <div className="history">
      <p className="editor-subject">Changes to {id} and its claims, newest first.</p>
      {changes.length === 0 ? <p>No changes recorded.</p> : null}
      <ol className="history-list">
        {changes.map((change) => (
          <li key={change.seq}>
            <HistoryEntry change={change} onReverted={onReverted} />
          </li>
        ))}
      </ol>
      {failure === null ? null : <p role="alert">Could not load more: {failure}</p>}
      {pageInfo.hasNextPage ? (
        <button type="button" onClick={loadMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}

function HistoryEntry({
  change,
  onReverted,
}: {
  readonly change: Change;
  readonly onReverted: (message: string) => void;
}) {
  const fields = diffRecords(change.before, change.after);
  const { viewer } = useSession();
  const [reverting, setReverting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Only admins revert, and an import (the whole graph at once) cannot be.
  const canRevert = viewer?.role === 'ADMIN' && change.action !== 'IMPORT';
  const revert = (): void => {
    setReverting(true);
    setFailure(null);
    request(RevertChangeDocument, { seq: change.seq }).then(
      () => onReverted(`Reverted: ${ACTION_TEXT[change.action].toLowerCase()} ${change.targetLabel}.`),
      (error: unknown) => {
        setFailure(describeFailure(toErrorLike(error)));
        setReverting(false);
      },
    );
  };
  return (
    <>
      <p className="history-head">
        <time dateTime={change.at}>{WHEN.format(new Date(change.at))}</time> · <strong>{change.actor}</strong>{' '}
        · {ACTION_TEXT[change.action]} {change.targetType.toLowerCase()}{' '}
        <q title={change.targetId}>{change.targetLabel}</q>
        {change.review === null ? null : (
          <span className="history-review">
            {' '}
            ·{' '}
            {change.review.mode === 'REVIEWED'
              ? `approved by ${change.review.approvedBy ?? 'a reviewer'}`
              : 'published directly by an admin'}
          </span>
        )}
      </p>
      {fields.length === 0 ? null : (
        <dl className="history-diff">
          {fields.map((field) => (
            <div key={field.field}>
              <dt>{field.label}</dt>
              <dd>
                <FieldDiff change={field} recordRemoved={change.after === null} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {canRevert ? (
        <p className="history-revert">
          <button type="button" onClick={revert} disabled={reverting}>
            {reverting ? 'Reverting…' : 'Revert this change'}
            <span className="visually-hidden"> ({change.targetLabel})</span>
          </button>
        </p>
      ) : null}
      {failure === null ? null : <p role="alert">Could not revert: {failure}</p>}
    </>
  );
}

interface FieldDiffProps {
  readonly change: FieldChange;
  /** A deleted record: show what it held, not every field as "cleared". */
  readonly recordRemoved: boolean;
}

function FieldDiff({ change, recordRemoved }: FieldDiffProps) {
  if (change.type === 'list') {
    return (
      <ul>
        {change.removed.map((text, index) => (
          <li key={`removed-${index}`}>
            <del>
              <span className="visually-hidden">removed: </span>
              {text}
            </del>
          </li>
        ))}
        {change.added.map((text, index) => (
          <li key={`added-${index}`}>
            <ins>
              <span className="visually-hidden">added: </span>
              {text}
            </ins>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {change.before === null ? null : (
        <del>
          <span className="visually-hidden">was: </span>
          {change.before}
        </del>
      )}
      {change.before !== null && change.after !== null ? ' → ' : null}
      {change.after === null ? (
        recordRemoved ? null : (
          <em>(cleared)</em>
        )
      ) : (
        <ins>
          <span className="visually-hidden">now: </span>
          {change.after}
        </ins>
      )}
    </>
  );
}
