/**
 * Releases: the numbered, frozen versions of the graph a paper can cite. A banner says when the page
 * reads one (with its citation and a way back to the current graph); the panel lists them, opens
 * any (the same view, as that release has it) and shows what changed since one.
 */
import { useId, useState } from 'react';
import {
  ReadingReleaseDocument,
  ReleaseDiffDocument,
  ReleasesDocument,
  type ReleaseFieldsFragment,
} from '../api/generated.ts';
import { READING_RELEASE, releaseHref } from '../api/release.ts';
import { useRemote } from '../api/use-remote.ts';
import { LoadFailure } from './loading.tsx';
import { changeLines } from './release-changes.ts';
import './questions.css';

/** "6 December 2026". */
export function releaseDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Shown above the map while the page reads a release. */
export function ReleaseBanner() {
  // Asked only when the page reads a release: the live graph's first screen makes no extra request.
  const reading = useRemote(
    READING_RELEASE === null ? null : 'reading-release',
    async (send) => (await send(ReadingReleaseDocument, {})).readingRelease,
  );
  if (READING_RELEASE === null) return null;
  const release = reading.status === 'ready' ? reading.data : null;
  return (
    <div className="release-banner" role="note" data-testid="release-banner">
      <p>
        <strong>
          You are reading release {READING_RELEASE}
          {release ? ` “${release.name}”, frozen on ${releaseDate(release.createdAt)}` : ''}.
        </strong>{' '}
        It does not change; edits and reports go to the current graph.
        {release ? <span className="release-citation"> Cite as: {release.citation}</span> : null}
      </p>
      <a href={releaseHref(null)}>Read the current graph</a>
    </div>
  );
}

/** The explore panel's list of releases. */
export function ReleasesPanel() {
  const headingId = useId();
  const releases = useRemote('releases', async (send) => (await send(ReleasesDocument, {})).releases);
  const [since, setSince] = useState<number | null>(null);
  return (
    <section
      className="question-panel releases-panel"
      aria-labelledby={headingId}
      data-testid="releases-panel"
    >
      <h2 id={headingId}>Releases</h2>
      {releases.status === 'loading' ? <p className="status">Loading releases…</p> : null}
      {releases.status === 'error' ? (
        <LoadFailure what="the releases" message={releases.error.message} onRetry={releases.reload} />
      ) : null}
      {releases.status === 'ready' && releases.data.length === 0 ? (
        <p className="status">No release yet: the graph has not been frozen for citing.</p>
      ) : null}
      {releases.status === 'ready' && releases.data.length > 0 ? (
        <ul className="release-list">
          {[...releases.data].reverse().map((release) => (
            <ReleaseItem
              key={release.number}
              release={release}
              open={since === release.number}
              onToggle={() => setSince(since === release.number ? null : release.number)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ReleaseItem({
  release,
  open,
  onToggle,
}: {
  readonly release: ReleaseFieldsFragment;
  readonly open: boolean;
  readonly onToggle: () => void;
}) {
  const reading = READING_RELEASE === release.number;
  return (
    <li>
      <p>
        <strong>
          {release.number}. {release.name}
        </strong>{' '}
        <span className="muted">
          {releaseDate(release.createdAt)} · {release.nodes} nodes, {release.claims} claims
        </span>
      </p>
      {release.note ? <p className="muted">{release.note}</p> : null}
      <div className="release-actions">
        {reading ? (
          <span className="muted">You are reading it</span>
        ) : (
          <a href={releaseHref(release.number)}>Read release {release.number}</a>
        )}
        <button type="button" aria-expanded={open} onClick={onToggle}>
          What changed since
        </button>
      </div>
      {open ? <ReleaseChanges from={release.number} /> : null}
    </li>
  );
}

/** What changed from a release to the graph now, in words. */
function ReleaseChanges({ from }: { readonly from: number }) {
  const diff = useRemote(
    `release-diff:${from}`,
    async (send) => (await send(ReleaseDiffDocument, { from })).releaseDiff,
  );
  if (diff.status === 'loading' || diff.status === 'idle') return <p className="status">Comparing…</p>;
  if (diff.status === 'error')
    return <LoadFailure what="the changes" message={diff.error.message} onRetry={diff.reload} />;
  const lines = changeLines(diff.data);
  return (
    <div className="release-changes" data-testid="release-changes">
      <p>
        Since release {from}:{' '}
        {lines.length === 0
          ? 'nothing has changed.'
          : `${lines.length} change${lines.length === 1 ? '' : 's'}.`}
      </p>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
