/**
 * A claim's evidence as the details panel shows it: stance in words and symbol, level badge, the
 * verbatim quote or the curator's note, the unverified flag, and the citation linked to the source.
 * Also the small marks and links the reader panels share.
 */
import type { ReactNode } from 'react';
import type {
  Certainty,
  ClaimDetailFragment,
  EvidenceDetailFragment,
  EvidenceLevel,
  MapNodeFragment,
  SourceCitationFragment,
} from '../api/generated.ts';
import { useSession } from '../app/session.ts';
import { KIND_LOOKS, LEVEL_BADGE, LEVEL_TEXT } from '../graph/vocabulary.ts';
import { certaintyText, CONCERN_TEXT, RATING_UP_TEXT, stanceText, studyText } from './claims.ts';
import { KindIcon } from './KindIcon.tsx';
import type { Dispatch } from './panel-props.ts';
import { locatorParts, sourceHref } from './xref-links.ts';
import './reader.css';

/** A claim's evidence items, in the server's order; with `sourceId`, only the items citing that source. */
export function EvidenceList({
  claim,
  sourceId,
}: {
  readonly claim: ClaimDetailFragment;
  readonly sourceId?: string;
}) {
  const items =
    sourceId === undefined ? claim.evidence : claim.evidence.filter((item) => item.source.id === sourceId);
  if (items.length === 0) return <p>No evidence recorded.</p>;
  return (
    <ul className="details-evidence-list">
      {items.map((item) => (
        <EvidenceItem key={item.id} item={item} claim={claim} />
      ))}
    </ul>
  );
}

function EvidenceItem({
  item,
  claim,
}: {
  readonly item: EvidenceDetailFragment;
  readonly claim: ClaimDetailFragment;
}) {
  const { canEdit, requestEdit } = useSession();
  const supports = item.stance === 'SUPPORTS';
  return (
    <li className={`details-evidence ${supports ? 'supports' : 'disputes'}`}>
      <p className="details-evidence-head">
        <span className="details-stance">
          <span aria-hidden="true">{supports ? '✓' : '✗'}</span>{' '}
          {stanceText(item.stance, item.level, claim.relation)}
        </span>
        <LevelBadge level={item.level} />
        {item.unverified ? (
          <span
            className="badge details-flag"
            title="The curator could not verify part of the citation or finding."
          >
            Unverified
            <span className="visually-hidden">: part of the citation or finding could not be checked</span>
          </span>
        ) : null}
      </p>
      {item.quote ? (
        <blockquote className="details-quote" cite={sourceHref(item.source) ?? undefined}>
          <p>{item.quote}</p>
        </blockquote>
      ) : null}
      {item.note ? (
        <p className="details-note">
          <strong>Curator’s note:</strong> {item.note}
        </p>
      ) : null}
      <StudyContext item={item} />
      <Citation source={item.source} locator={item.locator} />
      {canEdit ? (
        <button
          type="button"
          className="details-remove"
          onClick={() =>
            requestEdit({
              kind: 'removeEvidence',
              claimId: claim.id,
              evidenceId: item.id,
              expectedVersion: claim.version,
            })
          }
          aria-label={`Remove evidence from ${item.source.name}`}
        >
          Remove evidence
        </button>
      ) : null}
    </li>
  );
}

function Citation({
  source,
  locator,
}: {
  readonly source: SourceCitationFragment;
  readonly locator: string | null;
}) {
  const href = sourceHref(source);
  const where = [source.venue, source.year === null ? null : String(source.year)].filter(
    (part): part is string => Boolean(part),
  );
  return (
    <p className="details-citation">
      <span className="visually-hidden">Source: </span>
      {href ? <ExternalLink href={href}>{source.title}</ExternalLink> : <cite>{source.title}</cite>}
      {where.length > 0 ? ` — ${where.join(', ')}` : null}
      {locator ? (
        <>
          {where.length > 0 ? ', ' : ' — '}
          <Locator text={locator} sourceHref={href} />
        </>
      ) : null}
    </p>
  );
}

/** Where in the source, with any web address in it (a stored copy, a figure) as a link. */
function Locator({ text, sourceHref }: { readonly text: string; readonly sourceHref: string | null }) {
  return (
    <>
      {locatorParts(text, sourceHref).map((part, index) =>
        part.href === undefined ? (
          part.text
        ) : (
          <ExternalLink key={index} href={part.href}>
            {part.text}
          </ExternalLink>
        ),
      )}
    </>
  );
}

/** The study behind an item and the curator's rating of it, when recorded. */
export function StudyContext({
  item,
}: {
  readonly item: Pick<
    EvidenceDetailFragment,
    | 'design'
    | 'participants'
    | 'population'
    | 'funding'
    | 'concerns'
    | 'ratingUp'
    | 'ratingNote'
    | 'pooledDesign'
    | 'recommendation'
    | 'reportedCertainty'
  >;
}) {
  const study = studyText(item);
  if (
    study === null &&
    item.funding == null &&
    item.concerns.length === 0 &&
    item.ratingUp.length === 0 &&
    item.ratingNote == null &&
    item.pooledDesign == null &&
    item.recommendation == null &&
    item.reportedCertainty == null
  ) {
    return null;
  }
  return (
    <dl className="details-study">
      {item.recommendation == null ? null : (
        <>
          <dt>Recommendation</dt>
          {/* Its strength is no certainty: GRADE keeps the two apart, and so does this panel. */}
          <dd>{item.recommendation.text}</dd>
        </>
      )}
      {item.reportedCertainty == null ? null : (
        <>
          <dt>Its own rating</dt>
          <dd>{certaintyText(item.reportedCertainty)} certainty (GRADE)</dd>
        </>
      )}
      {item.pooledDesign == null ? null : (
        <>
          <dt>Pools</dt>
          <dd>{item.pooledDesign === 'RCT' ? 'randomised trials' : 'observational studies'}</dd>
        </>
      )}
      {study === null ? null : (
        <>
          <dt>Study</dt>
          <dd>{study}</dd>
        </>
      )}
      {item.funding == null ? null : (
        <>
          <dt>Funding</dt>
          <dd>{item.funding}</dd>
        </>
      )}
      {item.concerns.length === 0 ? null : (
        <>
          <dt>Rated down</dt>
          <dd>{item.concerns.map((concern) => CONCERN_TEXT[concern]).join('; ')}</dd>
        </>
      )}
      {item.ratingUp.length === 0 ? null : (
        <>
          <dt>Rated up</dt>
          <dd>{item.ratingUp.map((factor) => RATING_UP_TEXT[factor]).join('; ')}</dd>
        </>
      )}
      {item.ratingNote == null ? null : (
        <>
          <dt>Why</dt>
          <dd>{item.ratingNote}</dd>
        </>
      )}
    </dl>
  );
}

/** A certainty grade as a badge: "Low certainty", or "Not graded" for a claim that asserts no effect. */
export function CertaintyBadge({ certainty }: { readonly certainty: Certainty | null }) {
  if (certainty === null) return <span className="badge certainty certainty-ungraded">Not graded</span>;
  const text = certaintyText(certainty);
  return (
    <span className={`badge certainty certainty-${certainty.toLowerCase().replace(/_/g, '-')}`}>
      {text.charAt(0).toUpperCase() + text.slice(1)} certainty
    </span>
  );
}

/**
 * A claim's certainty with its reasons: the grade and what it rests on in one line, then "Why this
 * grade" step by step (where it started, what rated it down or up).
 */
export function CertaintyExplained({
  claim,
}: {
  readonly claim: Pick<ClaimDetailFragment, 'certainty' | 'certaintySummary' | 'certaintyReasons'>;
}) {
  const rest = claim.certaintySummary.slice(claim.certaintySummary.indexOf(':') + 1).trim();
  return (
    <div className="details-certainty">
      <p>
        <CertaintyBadge certainty={claim.certainty} /> <span>{rest}</span>
      </p>
      {claim.certaintyReasons.length === 0 ? null : (
        <details>
          <summary>Why this grade</summary>
          <ol className="certainty-reasons">
            {claim.certaintyReasons.map((reason) => (
              <li
                key={reason.factor}
                className={reason.change < 0 ? 'down' : reason.change > 0 ? 'up' : 'start'}
              >
                <span aria-hidden="true">{reason.change < 0 ? '↓' : reason.change > 0 ? '↑' : '•'}</span>{' '}
                <span className="visually-hidden">
                  {reason.change < 0 ? 'Rated down: ' : reason.change > 0 ? 'Rated up: ' : 'Start: '}
                </span>
                {reason.text}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** A node's name as a button that selects it. */
export function NodeLink({
  node,
  dispatch,
}: {
  readonly node: MapNodeFragment;
  readonly dispatch: Dispatch;
}) {
  return (
    <button
      type="button"
      className="details-link-button"
      onClick={() => dispatch({ type: 'select', id: node.id })}
    >
      <KindIcon kind={node.kind} /> <span className="visually-hidden">{KIND_LOOKS[node.kind].label}: </span>
      {node.name}
    </button>
  );
}

/** An evidence level's short name, with the plain-language name for screen readers and on hover. */
export function LevelBadge({ level }: { readonly level: EvidenceLevel }) {
  return (
    <span className="badge details-level" title={LEVEL_TEXT[level]}>
      {LEVEL_BADGE[level]}
      <span className="visually-hidden"> ({LEVEL_TEXT[level]})</span>
    </span>
  );
}

/** "Contested" in words and with the map's diamond, never colour alone. */
export function ContestedMark() {
  return (
    <span className="details-contested">
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <path d="M6 1l5 5-5 5-5-5z" fill="#fff" stroke="currentColor" strokeWidth="1.5" />
      </svg>{' '}
      Contested: evidence both ways
    </span>
  );
}

/** A link that opens outside the explorer, and says so. */
export function ExternalLink({ href, children }: { readonly href: string; readonly children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
