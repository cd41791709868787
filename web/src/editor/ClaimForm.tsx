/**
 * The "New claim" task: two ends, a relation, an optional summary and a first evidence item. The
 * server's relation table decides which kinds a relation may connect; its refusal shows at the
 * relation, and the hint under it says what the chosen relation connects.
 */
import { useId, useState } from 'react';
import { request } from '../api/client.ts';
import { RELATION_RULES } from '../../../server/src/domain/relations.ts';
import { RELATION_ORDER, relationTitle, relationVerb } from '../graph/vocabulary.ts';
import { CreateClaimDocument, NodeForEditDocument, type Relation } from './generated.ts';
import {
  checkClaim,
  CLAIM_EVIDENCE_PREFIX,
  CLAIM_FIELDS,
  claimValues,
  type ClaimValues,
  type NodeChoice,
} from './claim-values.ts';
import { EvidenceFields } from './EvidenceFields.tsx';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary, Field } from './form-ui.tsx';
import { LoadFailure } from './LoadFailure.tsx';
import { NodePicker } from './NodePicker.tsx';
import { proposedMessage, useSaveOrPropose } from './review-mode.tsx';
import type { TaskProps } from './task-props.ts';
import { useRemote } from '../api/use-remote.ts';

export interface AddClaimProps extends TaskProps {
  readonly fromId?: string | undefined;
  readonly toId?: string | undefined;
}

/** A prefilled end: the node's name and kind, or nothing when it is missing or a source. */
function lookUpEnd(id: string | undefined): Promise<NodeChoice | null> {
  if (id === undefined) return Promise.resolve(null);
  return request(NodeForEditDocument, { id }).then(({ node }) =>
    node === null || node.kind === 'SOURCE' ? null : { id: node.id, name: node.name, kind: node.kind },
  );
}

export function AddClaim({ fromId, toId, onWrite }: AddClaimProps) {
  // Loaded once per subject: a form is not refreshed under the editor's hands by writes elsewhere.
  const loaded = useRemote(
    JSON.stringify(['ClaimForm', fromId, toId]),
    () => Promise.all([lookUpEnd(fromId), lookUpEnd(toId)]),
    { followWrites: false },
  );
  const reload = loaded.reload;
  if (loaded.status === 'loading' || loaded.status === 'idle') return <p className="status">Loading…</p>;
  if (loaded.status === 'error') return <LoadFailure error={loaded.error} onRetry={reload} />;
  const [from, to] = loaded.data;
  return <ClaimForm initial={claimValues(from, to)} onWrite={onWrite} />;
}

function ClaimForm({ initial, onWrite }: TaskProps & { readonly initial: ClaimValues }) {
  const formId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const review = useSaveOrPropose();
  const set = (patch: Partial<ClaimValues>): void => setValues((current) => ({ ...current, ...patch }));

  const submit = (event: React.SubmitEvent): void => {
    event.preventDefault();
    const checked = checkClaim(values);
    const invalid = { ...('errors' in checked ? checked.errors : {}), ...review.check() };
    if ('errors' in checked || Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, form: null });
      return;
    }
    const reading = readingOf(values);
    setSaving(true);
    setErrors(NO_ERRORS);
    review
      .save({ createClaim: checked.input }, () =>
        request(CreateClaimDocument, { input: checked.input }).then(({ createClaim }) => createClaim),
      )
      .then(
        (outcome) => {
          setSaving(false);
          // Ready for another claim from the same node.
          setValues(claimValues(values.from, null));
          if (outcome.kind === 'proposed') onWrite(proposedMessage(outcome));
          else onWrite(`Claim added: ${reading ?? outcome.record.id}.`, outcome.record.from.id);
        },
        (error: unknown) => {
          setSaving(false);
          setErrors(formErrorsOf(toErrorLike(error), CLAIM_FIELDS));
        },
      );
  };

  const reading = readingOf(values);
  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <ErrorSummary formId={formId} errors={errors} />
      <NodePicker
        formId={formId}
        field="from"
        label="From"
        errors={errors.fields}
        chosen={values.from}
        onChoose={(from) => set({ from })}
      />
      <Field
        formId={formId}
        field="relation"
        label="Relation"
        hint={relationHint(values.relation)}
        errors={errors.fields}
      >
        {(control) => (
          <select
            {...control}
            value={values.relation}
            onChange={(event) => set({ relation: event.target.value as Relation | '' })}
          >
            <option value="">Choose a relation…</option>
            {RELATION_ORDER.map((relation) => (
              <option key={relation} value={relation}>
                {relationTitle(relation)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NodePicker
        formId={formId}
        field="to"
        label="To"
        errors={errors.fields}
        chosen={values.to}
        onChoose={(to) => set({ to })}
      />
      {reading === null ? null : (
        <p className="claim-reading">
          Reads: <q>{reading}</q>
        </p>
      )}
      <Field
        formId={formId}
        field="summary"
        label="Summary (optional)"
        hint="The claim as a plain-language statement."
        errors={errors.fields}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.summary}
            onChange={(event) => set({ summary: event.target.value })}
          />
        )}
      </Field>
      <EvidenceFields
        formId={formId}
        prefix={CLAIM_EVIDENCE_PREFIX}
        values={values.evidence}
        onChange={(evidence) => set({ evidence })}
        errors={errors.fields}
        onSourceCreated={(source) => onWrite(`Source added: ${source.name}.`)}
      />
      {review.field(formId, errors.fields)}
      <div className="editor-actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Sending…' : review.label('Add claim')}
        </button>
      </div>
    </form>
  );
}

/** "A may relieve B" once both ends and the relation are chosen. */
function readingOf({ from, to, relation }: ClaimValues): string | null {
  return from === null || to === null || relation === ''
    ? null
    : `${from.name} ${relationVerb(relation)} ${to.name}`;
}

/** What a relation may connect, from the server's relation table. */
function relationHint(relation: Relation | ''): string {
  if (relation === '') return 'What the claim says about its two nodes.';
  const rule = RELATION_RULES[relation];
  return `Connects ${rule.from.join(' or ')} → ${rule.to.join(' or ')}.`;
}
