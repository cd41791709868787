/** The source form's fields, shared by the inline "New source" form and the source editor. */
import type { ReactNode } from 'react';
import type { FieldErrors } from './field-errors.ts';
import { Field } from './form-ui.tsx';
import { SOURCE_FIELDS, SOURCE_KIND_LABELS, type SourceField, type SourceValues } from './source-values.ts';

export interface SourceFieldsProps {
  readonly formId: string;
  readonly values: SourceValues;
  readonly onChange: (values: SourceValues) => void;
  readonly errors: FieldErrors;
  /** Which fields to show, in order; all of them when omitted. */
  readonly fields?: readonly SourceField[];
}

interface TextFieldLook {
  readonly label: string;
  readonly hint?: ReactNode;
  /** A text box of this many rows; a one-line input when omitted. */
  readonly rows?: number;
  readonly type?: 'url';
  readonly numeric?: boolean;
}

const TEXT_FIELDS: Readonly<Record<Exclude<SourceField, 'sourceKind'>, TextFieldLook>> = {
  title: { label: 'Title' },
  name: { label: 'Name', hint: 'The short citation the map shows, e.g. “Katz et al. 2007”.' },
  authors: { label: 'Authors', hint: 'One per line, e.g. “Doe J”.', rows: 2 },
  year: { label: 'Year', numeric: true },
  venue: { label: 'Venue', hint: 'Journal, publisher, blog or agency.' },
  url: { label: 'URL', type: 'url' },
  doi: { label: 'DOI', hint: 'The bare DOI, e.g. 10.1000/example (no "doi:" prefix).' },
  pmid: { label: 'PubMed id', hint: 'Digits only.', numeric: true },
  published: { label: 'Published', hint: 'The full date when known, as YYYY-MM-DD.' },
  summary: { label: 'Summary', hint: 'What the source is and what it reports, in plain language.', rows: 4 },
  aliases: {
    label: 'Aliases',
    hint: 'Other names, one per line (or comma-separated on a single line).',
    rows: 2,
  },
  xrefs: {
    label: 'Cross-references',
    hint: 'Ontology ids as prefix:id (CURIEs), one per line or comma-separated.',
    rows: 2,
  },
};

/** Source type, then the chosen text fields. */
export function SourceFields({
  formId,
  values,
  onChange,
  errors,
  fields = SOURCE_FIELDS,
}: SourceFieldsProps) {
  const set = (patch: Partial<SourceValues>): void => onChange({ ...values, ...patch });
  return (
    <>
      {fields.map((field) =>
        field === 'sourceKind' ? (
          <Field key={field} formId={formId} field={field} label="Source type" errors={errors}>
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
        ) : (
          <TextField key={field} formId={formId} field={field} values={values} set={set} errors={errors} />
        ),
      )}
    </>
  );
}

function TextField({
  formId,
  field,
  values,
  set,
  errors,
}: {
  readonly formId: string;
  readonly field: Exclude<SourceField, 'sourceKind'>;
  readonly values: SourceValues;
  readonly set: (patch: Partial<SourceValues>) => void;
  readonly errors: FieldErrors;
}) {
  const { label, hint, rows, type, numeric } = TEXT_FIELDS[field];
  return (
    <Field formId={formId} field={field} label={label} hint={hint} errors={errors}>
      {(control) =>
        rows === undefined ? (
          <input
            {...control}
            type={type ?? 'text'}
            inputMode={numeric === true ? 'numeric' : undefined}
            value={values[field]}
            onChange={(event) => set({ [field]: event.target.value })}
          />
        ) : (
          <textarea
            {...control}
            rows={rows}
            value={values[field]}
            onChange={(event) => set({ [field]: event.target.value })}
          />
        )
      }
    </Field>
  );
}
