/**
 * The inline "New source…" sub-form of the source picker. It sits inside the evidence form, and
 * forms cannot nest, so it is a fieldset with its own button; Enter in its inputs creates the source
 * rather than submitting the outer form.
 */
import { useState } from 'react';
import { request } from '../api/client.ts';
import { CreateSourceDocument } from './generated.ts';
import type { Choice } from './evidence-values.ts';
import { formErrorsOf, NO_ERRORS, toErrorLike, type FormErrors } from './field-errors.ts';
import { ErrorSummary, Field } from './form-ui.tsx';
import {
  checkSource,
  EMPTY_SOURCE,
  SOURCE_FIELDS,
  SOURCE_KIND_LABELS,
  type SourceValues,
} from './source-values.ts';

export interface NewSourceProps {
  readonly formId: string;
  readonly onCreated: (source: Choice) => void;
  readonly onCancel: () => void;
}

type TextField = Exclude<keyof SourceValues, 'sourceKind'>;

const TEXT_FIELDS: readonly { field: TextField; label: string; hint?: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'authors', label: 'Authors', hint: 'One per line, e.g. “Doe J”.' },
  { field: 'year', label: 'Year' },
  { field: 'venue', label: 'Venue', hint: 'Journal, publisher, blog or agency.' },
  { field: 'url', label: 'URL' },
  { field: 'doi', label: 'DOI', hint: 'The bare DOI, e.g. 10.1000/example (no "doi:" prefix).' },
  { field: 'pmid', label: 'PubMed id', hint: 'Digits only.' },
];

export function NewSource({ formId, onCreated, onCancel }: NewSourceProps) {
  const [values, setValues] = useState<SourceValues>(EMPTY_SOURCE);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<SourceValues>): void => setValues((current) => ({ ...current, ...patch }));

  const create = (): void => {
    const checked = checkSource(values);
    if ('errors' in checked) {
      setErrors({ fields: checked.errors, form: null });
      return;
    }
    setSaving(true);
    setErrors(NO_ERRORS);
    request(CreateSourceDocument, { input: checked.input }).then(
      ({ createSource }) => onCreated({ id: createSource.id, name: createSource.name }),
      (error: unknown) => {
        setErrors(formErrorsOf(toErrorLike(error), SOURCE_FIELDS));
        setSaving(false);
      },
    );
  };

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
      <Field formId={formId} field="sourceKind" label="Source type" errors={errors.fields}>
        {(control) => (
          <select
            {...control}
            value={values.sourceKind}
            onChange={(event) => set({ sourceKind: event.target.value as SourceValues['sourceKind'] })}
          >
            {Object.entries(SOURCE_KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {TEXT_FIELDS.map(({ field, label, hint }) => (
        <Field key={field} formId={formId} field={field} label={label} hint={hint} errors={errors.fields}>
          {(control) =>
            field === 'authors' ? (
              <textarea
                {...control}
                rows={2}
                value={values.authors}
                onChange={(event) => set({ authors: event.target.value })}
              />
            ) : (
              <input
                {...control}
                type={field === 'url' ? 'url' : 'text'}
                inputMode={field === 'year' || field === 'pmid' ? 'numeric' : undefined}
                value={values[field]}
                onChange={(event) => set({ [field]: event.target.value })}
              />
            )
          }
        </Field>
      ))}
      <div className="editor-actions">
        <button type="button" onClick={create} disabled={saving}>
          {saving ? 'Creating…' : 'Create source'}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
