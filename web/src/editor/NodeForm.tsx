/** The concept-node form: its fields (shared with editing) and the "New node" task. */
import { useId, useState } from 'react';
import { request } from '../api/client.ts';
import { KIND_LOOKS, NODE_KINDS } from '../graph/vocabulary.ts';
import { CreateNodeDocument, type NodeKind } from './generated.ts';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FieldErrors, type FormErrors } from './field-errors.ts';
import { ErrorSummary, Field } from './form-ui.tsx';
import { checkNewNode, EMPTY_NODE_VALUES, NODE_FIELDS, type NodeValues } from './node-values.ts';
import { proposedMessage, useSaveOrPropose } from './review-mode.tsx';
import type { TaskProps } from './task-props.ts';

const CONCEPT_KINDS = NODE_KINDS.filter((kind) => kind !== 'SOURCE');

export interface NodeFieldsProps {
  readonly formId: string;
  readonly values: NodeValues;
  readonly onChange: (values: NodeValues) => void;
  readonly errors: FieldErrors;
  /** A node's kind is fixed once it exists (it is part of the id). */
  readonly kindFixed: boolean;
}

/** Kind, name, summary, aliases and cross-references. */
export function NodeFields({ formId, values, onChange, errors, kindFixed }: NodeFieldsProps) {
  const set = (patch: Partial<NodeValues>): void => onChange({ ...values, ...patch });
  return (
    <>
      <Field
        formId={formId}
        field="kind"
        label="Kind"
        hint={kindFixed ? 'A node keeps its kind; create a new node to change it.' : undefined}
        errors={errors}
      >
        {(control) => (
          <select
            {...control}
            value={values.kind}
            disabled={kindFixed}
            onChange={(event) => set({ kind: event.target.value as NodeKind | '' })}
          >
            <option value="">Choose a kind…</option>
            {CONCEPT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LOOKS[kind].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field formId={formId} field="name" label="Name" errors={errors}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.name}
            onChange={(event) => set({ name: event.target.value })}
          />
        )}
      </Field>
      <Field
        formId={formId}
        field="summary"
        label="Summary"
        hint="Two to four plain-language sentences: what it is and how sure we are."
        errors={errors}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={values.summary}
            onChange={(event) => set({ summary: event.target.value })}
          />
        )}
      </Field>
      <Field
        formId={formId}
        field="aliases"
        label="Aliases"
        hint="Other names, one per line (or comma-separated on a single line)."
        errors={errors}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.aliases}
            onChange={(event) => set({ aliases: event.target.value })}
          />
        )}
      </Field>
      <Field
        formId={formId}
        field="xrefs"
        label="Cross-references"
        hint="Ontology ids as prefix:id (CURIEs), one per line or comma-separated."
        errors={errors}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.xrefs}
            onChange={(event) => set({ xrefs: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/** Creates a concept node; the form empties (keeping the kind) for the next one. */
export function CreateNode({ onWrite }: TaskProps) {
  const formId = useId();
  const [values, setValues] = useState<NodeValues>(EMPTY_NODE_VALUES);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const review = useSaveOrPropose();

  const submit = (event: React.SubmitEvent): void => {
    event.preventDefault();
    const checked = checkNewNode(values);
    const invalid = { ...('errors' in checked ? checked.errors : {}), ...review.check() };
    if ('errors' in checked || Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, form: null });
      return;
    }
    setSaving(true);
    setErrors(NO_ERRORS);
    review
      .save({ createNode: checked.input }, () =>
        request(CreateNodeDocument, { input: checked.input }).then(({ createNode }) => createNode),
      )
      .then(
        (outcome) => {
          setSaving(false);
          setValues({ ...EMPTY_NODE_VALUES, kind: values.kind });
          if (outcome.kind === 'proposed') onWrite(proposedMessage(outcome));
          else onWrite(`Created “${outcome.record.name}” (${outcome.record.id}).`, outcome.record.id);
        },
        (error: unknown) => {
          setSaving(false);
          const failure = toErrorLike(error);
          // The id comes from the name, so "already exists" is about the name.
          setErrors(
            failure.code === 'CONFLICT'
              ? { fields: { name: `${failure.message}; choose another name.` }, form: null }
              : formErrorsOf(failure, NODE_FIELDS),
          );
        },
      );
  };

  return (
    <form className="editor-form" onSubmit={submit} noValidate>
      <ErrorSummary formId={formId} errors={errors} />
      <NodeFields
        formId={formId}
        values={values}
        onChange={setValues}
        errors={errors.fields}
        kindFixed={false}
      />
      {review.field(formId, errors.fields)}
      <div className="editor-actions">
        <button type="submit" disabled={saving}>
          {saving ? 'Sending…' : review.label('Create node')}
        </button>
      </div>
    </form>
  );
}
