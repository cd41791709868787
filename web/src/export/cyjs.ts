/**
 * The view as a Cytoscape.js JSON document (`.cyjs`): `{ elements: { nodes, edges }, style }`, which
 * `cytoscape({ ...document })` and Cytoscape desktop both open. Elements come from the canvas (with
 * their positions) or, in the list view, straight from the scene; either way each carries the
 * scene's columns (name, kind, relation, strength, contested, best level) for styling and filtering.
 */
import type { ElementDefinition } from 'cytoscape';
import { graphStylesheet, sceneElements } from '../graph/elements.ts';
import type { Scene } from '../graph/scene.ts';

/** A Cytoscape.js document, as Cytoscape desktop writes it, plus the stylesheet. */
export interface CytoscapeDocument {
  readonly format_version: '1.0';
  readonly generated_by: 'fibrograph';
  readonly target_cytoscapejs_version: string;
  readonly data: { readonly name: string; readonly shared_name: string };
  readonly elements: { readonly nodes: ElementDefinition[]; readonly edges: ElementDefinition[] };
  readonly style: unknown;
}

/** Options for `cytoscapeDocument`. */
export interface CytoscapeDocumentOptions {
  readonly scene: Scene;
  /** The network's name in Cytoscape desktop. */
  readonly name: string;
  readonly selected: string | null;
  /** The canvas's `cy.json()`; without it the elements are built from the scene, unpositioned. */
  readonly drawn?: {
    readonly elements: { readonly nodes?: ElementDefinition[]; readonly edges?: ElementDefinition[] };
    readonly style?: unknown;
  };
}

/** The view as a Cytoscape.js document. */
export function cytoscapeDocument({
  scene,
  name,
  selected,
  drawn,
}: CytoscapeDocumentOptions): CytoscapeDocument {
  const built = sceneElements(scene, selected);
  const nodes = drawn?.elements.nodes ?? built.filter((element) => element.group === 'nodes');
  const edges = drawn?.elements.edges ?? built.filter((element) => element.group === 'edges');
  const nodeColumns = new Map(
    scene.nodes.map((node) => [node.id, { name: node.name, shared_name: node.name, kind: node.kind }]),
  );
  const edgeColumns = new Map(
    scene.claims.map((claim) => [
      claim.id,
      {
        relation: claim.relation,
        interaction: claim.relation,
        certainty: claim.certainty,
        strength: claim.strength,
        contested: claim.contested,
        bestLevel: claim.bestLevel,
        supportCount: claim.evidence.filter((item) => item.stance === 'SUPPORTS').length,
        disputeCount: claim.evidence.filter((item) => item.stance === 'DISPUTES').length,
      },
    ]),
  );
  return {
    format_version: '1.0',
    generated_by: 'fibrograph',
    target_cytoscapejs_version: '~3',
    data: { name, shared_name: name },
    elements: {
      nodes: nodes.map((element) => withColumns(element, nodeColumns)),
      edges: edges.map((element) => withColumns(element, edgeColumns)),
    },
    style: drawn?.style ?? graphStylesheet(),
  };
}

/** The document as pretty-printed JSON text. */
export function cytoscapeJsonText(document: CytoscapeDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function withColumns(element: ElementDefinition, columns: ReadonlyMap<string, object>): ElementDefinition {
  const id = element.data.id;
  const extra = id === undefined ? undefined : columns.get(id);
  return extra ? { ...element, data: { ...element.data, ...extra } } : element;
}
