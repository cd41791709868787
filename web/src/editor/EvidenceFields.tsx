/** The inputs of one evidence item: source, quote and/or note, locator, level, stance, unverified. */
import type { EvidenceLevel, Stance } from './generated.ts';
import { EVIDENCE_LEVEL_ORDER, LEVEL_TEXT } from '../graph/vocabulary.ts';
import type { Choice, EvidenceValues } from './evidence-values.ts';
import type { FieldErrors } from './field-errors.ts';
import { Field, FieldMessage, fieldId } from './form-ui.tsx';
import { SourcePicker } from './SourcePicker.tsx';

export interface EvidenceFieldsProps {
  readonly formId: string;
  /** Field paths start with this: `evidence[0]` in a new claim, `evidence` when adding to one. */
  readonly prefix: string;
  readonly values: EvidenceValues;
  readonly onChange: (values: EvidenceValues) => void;
  readonly errors: FieldErrors;
  readonly onSourceCreated: (source: Choice) => void;
}

const STANCES: readonly { readonly stance: Stance; readonly label: string }[] = [
  { stance: 'SUPPORTS', label: 'Supports the claim' },
  { stance: 'DISPUTES', label: 'Disputes the claim' },
];

export function EvidenceFields(props: EvidenceFieldsProps) {
  const { formId, prefix, values, onChange, errors, onSourceCreated } = props;
  const set = (patch: Partial<EvidenceValues>): void => onChange({ ...values, ...patch });
  // The item's own message ("needs a quote, a note, or both") describes both text boxes.
  const itemId = fieldId(formId, prefix);
  const itemError = errors[prefix] === undefined ? null : itemId;
  const stanceName = `${fieldId(formId, `${prefix}.stance`)}-choice`;
  return (
    <fieldset className="evidence-fields">
      <legend>Evidence</legend>
      <SourcePicker
        formId={formId}
        field={`${prefix}.sourceId`}
        errors={errors}
        chosen={values.source}
        onChoose={(source) => set({ source })}
        onCreated={onSourceCreated}
      />
      <p className="field-hint">
        Give a quote, a curator&apos;s note, or both. A quote must be copied word for word from the source;
        anything in your own words belongs in the note.
      </p>
      <FieldMessage id={itemId} message={errors[prefix]} />
      <Field
        formId={formId}
        field={`${prefix}.quote`}
        label="Quote (verbatim)"
        errors={errors}
        alsoDescribedBy={itemError}
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={values.quote}
            onChange={(event) => set({ quote: event.target.value })}
          />
        )}
      </Field>
      <Field
        formId={formId}
        field={`${prefix}.note`}
        label="Curator's note"
        hint="What the source shows, in your own words."
        errors={errors}
        alsoDescribedBy={itemError}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.note}
            onChange={(event) => set({ note: event.target.value })}
          />
        )}
      </Field>
      <Field
        formId={formId}
        field={`${prefix}.locator`}
        label="Locator"
        hint="Where in the source: page, section, table or paragraph."
        errors={errors}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.locator}
            onChange={(event) => set({ locator: event.target.value })}
          />
        )}
      </Field>
      <Field formId={formId} field={`${prefix}.level`} label="Evidence level" errors={errors}>
        {(control) => (
          <select
            {...control}
            value={values.level}
            onChange={(event) => set({ level: event.target.value as EvidenceLevel | '' })}
          >
            <option value="">Choose a level…</option>
            {EVIDENCE_LEVEL_ORDER.map((level) => (
              <option key={level} value={level}>
                {LEVEL_TEXT[level]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="stance" id={fieldId(formId, `${prefix}.stance`)}>
        <legend>Stance</legend>
        {STANCES.map(({ stance, label }) => (
          <label key={stance} className="choice">
            <input
              type="radio"
              name={stanceName}
              value={stance}
              checked={values.stance === stance}
              onChange={() => set({ stance })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          checked={values.unverified}
          onChange={(event) => set({ unverified: event.target.checked })}
        />
        Unverified: I could not check part of the citation or the finding
      </label>
    </fieldset>
  );
}
