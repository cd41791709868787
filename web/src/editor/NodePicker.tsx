/** Picks a concept node (a claim's end) by searching names, aliases and cross-references. */
import type { ReactNode } from 'react';
import { request } from '../api/client.ts';
import { SearchDocument } from '../api/generated.ts';
import { KIND_LOOKS } from '../graph/vocabulary.ts';
import { KindIcon } from '../panels/KindIcon.tsx';
import type { NodeChoice } from './claim-values.ts';
import type { FieldErrors } from './field-errors.ts';
import { Combobox } from './Combobox.tsx';

export interface NodePickerProps {
  readonly formId: string;
  readonly field: string;
  readonly label: string;
  readonly hint?: ReactNode;
  readonly errors: FieldErrors;
  readonly chosen: NodeChoice | null;
  readonly onChoose: (node: NodeChoice | null) => void;
}

export function NodePicker(props: NodePickerProps) {
  return <Combobox {...props} search={searchConcepts} describe={describeNode} />;
}

/** Concept nodes matching `text`: sources cite evidence, they are never a claim's end. */
async function searchConcepts(text: string): Promise<NodeChoice[]> {
  const { search } = await request(SearchDocument, { text, first: 12 });
  return search
    .map(({ node }) => ({ id: node.id, name: node.name, kind: node.kind }))
    .filter((node) => node.kind !== 'SOURCE');
}

function describeNode(node: NodeChoice): ReactNode {
  return (
    <>
      <KindIcon kind={node.kind} size={12} /> {KIND_LOOKS[node.kind].label} · {node.id}
    </>
  );
}
