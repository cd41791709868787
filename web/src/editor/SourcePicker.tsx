/** Picks the source an evidence item cites: search the existing ones, or add a new one inline. */
import { useState } from 'react';
import { request } from '../api/client.ts';
import { SourcePickerDocument } from './generated.ts';
import type { Choice } from './evidence-values.ts';
import type { FieldErrors } from './field-errors.ts';
import { Combobox } from './Combobox.tsx';
import { NewSource } from './NewSource.tsx';

export interface SourcePickerProps {
  readonly formId: string;
  /** The field path of the source id, e.g. `evidence[0].sourceId`. */
  readonly field: string;
  readonly errors: FieldErrors;
  readonly chosen: Choice | null;
  readonly onChoose: (source: Choice | null) => void;
  /** A source was created (a write: the dock announces it). */
  readonly onCreated: (source: Choice) => void;
}

interface SourceOption extends Choice {
  readonly detail: string;
}

export function SourcePicker({ formId, field, errors, chosen, onChoose, onCreated }: SourcePickerProps) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="source-picker">
      <Combobox<SourceOption>
        formId={formId}
        field={field}
        label="Source"
        hint="Search by author, year or title."
        errors={errors}
        search={searchSources}
        describe={(option) => option.detail}
        chosen={chosen}
        onChoose={onChoose}
      />
      {adding ? (
        <NewSource
          formId={`${formId}-new-source`}
          onCreated={(source) => {
            setAdding(false);
            onChoose(source);
            onCreated(source);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="link-button" onClick={() => setAdding(true)}>
          New source…
        </button>
      )}
    </div>
  );
}

async function searchSources(text: string): Promise<SourceOption[]> {
  const { search } = await request(SourcePickerDocument, { text });
  return search.map(({ node }) => ({
    id: node.id,
    name: node.name,
    detail: 'title' in node ? [node.title, node.year].filter((part) => part !== null).join(' · ') : node.id,
  }));
}
