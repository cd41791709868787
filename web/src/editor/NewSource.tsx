/**
 * The inline "New source…" sub-form of the source picker. It sits inside the evidence form, and
 * forms cannot nest, so it is a fieldset with its own button; Enter in its inputs creates the source
 * rather than submitting the outer form.
 */
import { useContext, useState } from 'react';
import { request } from '../api/client.ts';
import { CreateSourceDocument, ProposeDocument } from './generated.ts';
import { proposedMessage, ReviewModeContext } from './review-mode.tsx';
import type { Choice } from './evidence-values.ts';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary } from './form-ui.tsx';
import { SourceFields } from './SourceFields.tsx';
import { checkSource, EMPTY_SOURCE, NEW_SOURCE_FIELDS, type SourceValues } from './source-values.ts';

export interface NewSourceProps {
  readonly formId: string;
  readonly onCreated: (source: Choice) => void;
  readonly onCancel: () => void;
}

export function NewSource({ formId, onCreated, onCancel }: NewSourceProps) {
  const [values, setValues] = useState<SourceValues>(EMPTY_SOURCE);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const { mustPropose } = useContext(ReviewModeContext);
  const [proposed, setProposed] = useState<string | null>(null);

  const create = (): void => {
    const checked = checkSource(values);
    if ('errors' in checked) {
      setErrors({ fields: checked.errors, form: null });
      return;
    }
    setSaving(true);
    setErrors(NO_ERRORS);
    if (mustPropose) {
      // Under review a new source is a proposal of its own: evidence can cite it once it is approved.
      request(ProposeDocument, {
        change: { createSource: checked.input },
        comment: `A source to cite: ${checked.input.title}`,
      }).then(
        ({ propose }) => {
          setSaving(false);
          setProposed(proposedMessage({ proposal: propose, amended: false }));
        },
        (error: unknown) => {
          setErrors(formErrorsOf(toErrorLike(error), NEW_SOURCE_FIELDS));
          setSaving(false);
        },
      );
      return;
    }
    request(CreateSourceDocument, { input: checked.input }).then(
      ({ createSource }) => onCreated({ id: createSource.id, name: createSource.name }),
      (error: unknown) => {
        setErrors(formErrorsOf(toErrorLike(error), NEW_SOURCE_FIELDS));
        setSaving(false);
      },
    );
  };

  if (proposed !== null) {
    return (
      <fieldset className="new-source">
        <legend>New source</legend>
        <p role="status">{proposed} Evidence can cite it after that.</p>
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </fieldset>
    );
  }
  return (
    <fieldset
      className="new-source"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          create();
        }
      }}
    >
      <legend>New source</legend>
      <ErrorSummary formId={formId} errors={errors} title="Source not created" />
      <SourceFields
        formId={formId}
        values={values}
        onChange={setValues}
        errors={errors.fields}
        fields={NEW_SOURCE_FIELDS}
      />
      <div className="editor-actions">
        <button type="button" onClick={create} disabled={saving}>
          {saving ? 'Sending…' : mustPropose ? 'Propose this source' : 'Create source'}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
