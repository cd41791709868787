/**
 * The selected node's or claim's details: what it is, its cross-references, and every claim with the
 * evidence behind it, quoted and cited. A concept's claims are grouped under relation headings; a
 * source shows its citation and the claims resting on it, each with what this source's items say; a
 * claim shows its ends and evidence. Editors also get the edit hooks.
 * The panel refetches when the selection changes, and after any edit (api/use-remote.ts).
 */
import { useId, useState, type ReactNode } from 'react';
import { request } from '../api/client.ts';
import {
  CitingClaimsDocument,
  type ClaimDetailFragment,
  type MapNodeFragment,
  type QuestionStatus,
} from '../api/generated.ts';
import { isWeighing, weightingArgument } from '../state/view-state.ts';
import { useSession } from '../app/session.ts';
import { KIND_LOOKS, relationTitle } from '../graph/vocabulary.ts';
import { groupClaimsByRelation } from './claims.ts';
import {
  CertaintyBadge,
  CertaintyExplained,
  ContestedMark,
  EvidenceList,
  ExternalLink,
  LevelBadge,
  NodeLink,
} from './EvidenceList.tsx';
import { ReportProblem } from './ReportProblem.tsx';
import { ExpandControls } from './ExpandControls.tsx';
import { KindIcon } from './KindIcon.tsx';
import type { Dispatch, ViewProps } from './panel-props.ts';
import { useDetails, type ConceptDetails, type Details, type SourceDetails } from './use-details.ts';
import { doiHref, pubmedHref, webHref, xrefHref } from './xref-links.ts';
import './reader.css';

export interface DetailsPanelProps extends ViewProps {
  /** A node id (`kind:slug`) or a claim id (`claim:…`). */
  readonly selected: string | null;
  /** Shown under the instructions while nothing is selected (the shell puts the legend there). */
  readonly idle?: ReactNode;
}

export function DetailsPanel({ selected, view, dispatch, idle = null }: DetailsPanelProps) {
  const state = useDetails(selected, weightingArgument(view.weighting));
  const headingId = useId();
  const loading = state.status === 'loading';
  return (
    <section
      className="details"
      data-testid="details-panel"
      data-status={state.status}
      aria-labelledby={headingId}
      aria-busy={loading}
    >
      <p className="details-status" role="status">
        {loading ? 'Loading details…' : ''}
      </p>
      {state.details ? (
        <DetailsBody details={state.details} headingId={headingId} view={view} dispatch={dispatch} />
      ) : state.status === 'error' ? (
        <>
          <h2 id={headingId}>Details</h2>
          <p role="alert" className="details-error">
            Could not load the details: {state.error?.message}
          </p>
          <button type="button" onClick={state.retry}>
            Try again
          </button>
        </>
      ) : (
        <>
          <h2 id={headingId}>Details</h2>
          {state.status === 'idle' ? (
            <>
              <p>
                Select a node or a claim in the graph or the list to read what it is and the evidence for and
                against it.
              </p>
              {idle}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

interface BodyProps extends ViewProps {
  readonly headingId: string;
}

function DetailsBody({ details, ...props }: BodyProps & { readonly details: Details }) {
  switch (details.kind) {
    case 'concept':
      return <ConceptDetailsView node={details.node} {...props} />;
    case 'source':
      return <SourceDetailsView node={details.node} {...props} />;
    case 'claim':
      return <ClaimDetailsView claim={details.claim} {...props} />;
    case 'missing':
      return (
        <>
          <h2 id={props.headingId}>Not found</h2>
          <p>There is nothing with this id any more; it may have been deleted or renamed.</p>
        </>
      );
  }
}

function ConceptDetailsView({
  node,
  headingId,
  view,
  dispatch,
}: BodyProps & { readonly node: ConceptDetails }) {
  const groups = groupClaimsByRelation(node.claims);
  return (
    <>
      <NodeHeading node={node} headingId={headingId} />
      <p className="details-summary">{node.summary}</p>
      {node.status ? (
        <dl className="details-facts">
          <dt>Status</dt>
          <dd>{QUESTION_STATUS_TEXT[node.status]}</dd>
          <dt>What would settle it</dt>
          <dd>{node.decisiveObservation}</dd>
        </dl>
      ) : null}
      {isWeighing(view.weighting) ? <WhatIfNote /> : null}
      <div className="details-actions">
        <button type="button" onClick={() => dispatch({ type: 'focusNode', id: node.id })}>
          Show neighbourhood
        </button>
        {node.kind === 'THEORY' ? (
          <button type="button" onClick={() => dispatch({ type: 'focusTheory', id: node.id })}>
            Focus this theory
          </button>
        ) : null}
      </div>
      <ExpandControls nodeId={node.id} view={view} dispatch={dispatch} />
      <NodeEditActions id={node.id} canAddClaim />
      <NamesAndXrefs aliases={node.aliases} xrefs={node.xrefs} />
      <h3>Claims ({node.claims.length})</h3>
      {groups.length === 0 ? <p>No claims about this yet.</p> : null}
      {groups.map((group) => (
        <section key={group.relation} className="details-claim-group">
          <h4>{relationTitle(group.relation)}</h4>
          <ul className="details-claims">
            {group.claims.map((claim) => (
              <li key={claim.id}>
                <ClaimCard claim={claim} nodeId={node.id} dispatch={dispatch} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Where a question stands, in words. */
const QUESTION_STATUS_TEXT: Record<QuestionStatus, string> = {
  OPEN: 'Open: not yet settled by the evidence held here',
  SUPPORTED: 'Supported: an observation came out as predicted',
  REFUTED: 'Refuted: an observation came out against the prediction',
};

function WhatIfNote() {
  return (
    <p className="what-if-note" role="note">
      A what-if is on: claims are graded without the evidence it leaves out, and claims left with none are not
      listed.
    </p>
  );
}

/** Editors' actions on a node; sources take no claims (evidence cites them instead). */
function NodeEditActions({ id, canAddClaim }: { readonly id: string; readonly canAddClaim: boolean }) {
  const { canEdit, requestEdit } = useSession();
  if (!canEdit) return null;
  return (
    <div className="details-actions" role="group" aria-label="Edit">
      <button type="button" onClick={() => requestEdit({ kind: 'editNode', id })}>
        Edit node
      </button>
      {canAddClaim ? (
        <button type="button" onClick={() => requestEdit({ kind: 'addClaim', fromId: id })}>
          Add claim
        </button>
      ) : null}
      <button type="button" onClick={() => requestEdit({ kind: 'history', id })}>
        History
      </button>
    </div>
  );
}

function SourceDetailsView({ node, headingId, dispatch }: BodyProps & { readonly node: SourceDetails }) {
  const links = [
    { label: 'Web page', href: webHref(node.url) },
    { label: `DOI ${node.doi ?? ''}`, href: doiHref(node.doi) },
    { label: `PubMed ${node.pmid ?? ''}`, href: pubmedHref(node.pmid) },
  ].flatMap(({ label, href }) => (href === null ? [] : [{ label, href }]));
  return (
    <>
      <NodeHeading node={node} headingId={headingId} />
      <dl className="details-facts">
        <dt>Title</dt>
        <dd>{node.title}</dd>
        {node.authors.length > 0 ? (
          <>
            <dt>Authors</dt>
            <dd>{node.authors.join(', ')}</dd>
          </>
        ) : null}
        {node.year !== null ? (
          <>
            <dt>Year</dt>
            <dd>{node.year}</dd>
          </>
        ) : null}
        {node.venue ? (
          <>
            <dt>Published in</dt>
            <dd>{node.venue}</dd>
          </>
        ) : null}
        <dt>Type</dt>
        <dd>{sentenceCase(node.sourceKind)}</dd>
        {links.length > 0 ? (
          <>
            <dt>Read it</dt>
            <dd>
              <ul className="details-inline-list">
                {links.map((link) => (
                  <li key={link.label}>
                    <ExternalLink href={link.href}>{link.label}</ExternalLink>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {node.summary ? <p className="details-summary">{node.summary}</p> : null}
      <NodeEditActions id={node.id} canAddClaim={false} />
      <NamesAndXrefs aliases={node.aliases} xrefs={node.xrefs} />
      <CitingClaims sourceId={node.id} firstPage={node.citedBy} dispatch={dispatch} />
    </>
  );
}

/** How many citing claims one page holds: `first` in reader.graphql's NodeDetails and CitingClaims. */
const CITING_PAGE = 25;

interface CitingPages {
  /** The details' first page these pages continue; new details start over. */
  readonly firstPage: readonly ClaimDetailFragment[];
  readonly claims: readonly ClaimDetailFragment[];
  readonly more: boolean;
  readonly loading: boolean;
  readonly error: string | null;
}

function startPages(firstPage: readonly ClaimDetailFragment[]): CitingPages {
  return {
    firstPage,
    claims: firstPage,
    more: firstPage.length === CITING_PAGE,
    loading: false,
    error: null,
  };
}

/** A source's citing claims, a page at a time, each showing only what this source's items say. */
function CitingClaims({
  sourceId,
  firstPage,
  dispatch,
}: {
  readonly sourceId: string;
  readonly firstPage: readonly ClaimDetailFragment[];
  readonly dispatch: Dispatch;
}) {
  const [pages, setPages] = useState(() => startPages(firstPage));
  // Details refetched (after an edit): start again from their first page.
  if (pages.firstPage !== firstPage) setPages(startPages(firstPage));
  const showMore = (): void => {
    const after = pages.claims.at(-1)?.id;
    if (after === undefined) return;
    setPages((current) => ({ ...current, loading: true, error: null }));
    request(CitingClaimsDocument, { id: sourceId, after }).then(
      ({ source }) => {
        const next = source?.citedBy ?? [];
        setPages((current) =>
          current.firstPage === firstPage
            ? {
                ...current,
                claims: [...current.claims, ...next],
                more: next.length === CITING_PAGE,
                loading: false,
              }
            : current,
        );
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        setPages((current) => ({ ...current, loading: false, error: message }));
      },
    );
  };
  const count = `${pages.claims.length}${pages.more ? '+' : ''}`;
  return (
    <>
      <h3>Claims citing it ({count})</h3>
      {pages.claims.length === 0 ? <p>No claim cites this source yet.</p> : null}
      <ul className="details-claims" aria-label="Claims citing this source">
        {pages.claims.map((claim) => (
          <li key={claim.id}>
            <ClaimCard claim={claim} evidenceFrom={sourceId} dispatch={dispatch} />
          </li>
        ))}
      </ul>
      {pages.error !== null ? (
        <p role="alert" className="details-error">
          Could not load more claims: {pages.error}
        </p>
      ) : null}
      {pages.more ? (
        <button type="button" onClick={showMore} disabled={pages.loading} aria-busy={pages.loading}>
          {pages.loading ? 'Loading more claims…' : 'Show more claims'}
        </button>
      ) : null}
    </>
  );
}

function ClaimDetailsView({
  claim,
  headingId,
  dispatch,
}: BodyProps & { readonly claim: ClaimDetailFragment }) {
  const { canEdit, requestEdit } = useSession();
  return (
    <>
      <p className="details-kind">Claim · {relationTitle(claim.relation)}</p>
      <h2 id={headingId}>{claim.reading}</h2>
      {claim.contested ? <ContestedMark /> : null}
      <dl className="details-facts">
        <dt>From</dt>
        <dd>
          <NodeLink node={claim.from} dispatch={dispatch} />
        </dd>
        <dt>To</dt>
        <dd>
          <NodeLink node={claim.to} dispatch={dispatch} />
        </dd>
        <dt>Certainty</dt>
        <dd>
          <CertaintyExplained claim={claim} />
          {claim.setAside > 0 ? (
            <p className="what-if-note">
              Under the what-if: {claim.setAside} of its evidence{' '}
              {claim.setAside === 1 ? 'item is' : 'items are'} left out.
            </p>
          ) : null}
        </dd>
        <dt>Best evidence</dt>
        <dd>
          <LevelBadge level={claim.bestLevel} />
        </dd>
      </dl>
      {claim.summary ? <p className="details-summary">{claim.summary}</p> : null}
      {canEdit ? (
        <div className="details-actions" role="group" aria-label="Edit">
          <button type="button" onClick={() => requestEdit({ kind: 'addEvidence', claimId: claim.id })}>
            Add evidence
          </button>
          <button type="button" onClick={() => requestEdit({ kind: 'history', id: claim.id })}>
            History
          </button>
        </div>
      ) : null}
      <h3>Evidence ({claim.evidence.length})</h3>
      <EvidenceList claim={claim} />
      <ReportProblem claim={claim} />
    </>
  );
}

function NodeHeading({ node, headingId }: { readonly node: MapNodeFragment; readonly headingId: string }) {
  return (
    <>
      <p className="details-kind">
        <KindIcon kind={node.kind} size={18} /> {KIND_LOOKS[node.kind].label}
      </p>
      <h2 id={headingId}>{node.name}</h2>
    </>
  );
}

function NamesAndXrefs({
  aliases,
  xrefs,
}: {
  readonly aliases: readonly string[];
  readonly xrefs: readonly string[];
}) {
  return (
    <>
      {aliases.length > 0 ? (
        <>
          <h3>Also known as</h3>
          <ul className="details-inline-list">
            {aliases.map((alias) => (
              <li key={alias}>{alias}</li>
            ))}
          </ul>
        </>
      ) : null}
      {xrefs.length > 0 ? (
        <>
          <h3>Cross-references</h3>
          <ul className="details-inline-list">
            {xrefs.map((curie) => {
              const href = xrefHref(curie);
              return <li key={curie}>{href ? <ExternalLink href={href}>{curie}</ExternalLink> : curie}</li>;
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * A claim in a list: its reading, links to its ends, and its evidence. Under a concept (`nodeId`) it
 * links only the other end; under a source (`evidenceFrom`) it shows only that source's items.
 */
function ClaimCard({
  claim,
  nodeId,
  evidenceFrom,
  dispatch,
}: {
  readonly claim: ClaimDetailFragment;
  readonly nodeId?: string;
  readonly evidenceFrom?: string;
  readonly dispatch: Dispatch;
}) {
  const { canEdit, requestEdit } = useSession();
  const ends =
    nodeId === undefined ? [claim.from, claim.to] : [claim.from.id === nodeId ? claim.to : claim.from];
  return (
    <article className="card details-claim">
      <p className="details-claim-reading">{claim.reading}</p>
      <p className="details-claim-meta">
        {claim.contested ? <ContestedMark /> : null}
        <CertaintyBadge certainty={claim.certainty} />
        {ends.map((end) => (
          <NodeLink key={end.id} node={end} dispatch={dispatch} />
        ))}
        <button
          type="button"
          className="details-link-button"
          onClick={() => dispatch({ type: 'select', id: claim.id })}
          aria-label={`Open the claim: ${claim.reading}`}
        >
          Open the claim
        </button>
      </p>
      <EvidenceList claim={claim} sourceId={evidenceFrom} />
      {canEdit ? (
        <button
          type="button"
          onClick={() => requestEdit({ kind: 'addEvidence', claimId: claim.id })}
          aria-label={`Add evidence to: ${claim.reading}`}
        >
          Add evidence
        </button>
      ) : null}
    </article>
  );
}

/** BLOG_POST → "Blog post". */
function sentenceCase(constant: string): string {
  const words = constant.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
