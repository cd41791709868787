/**
 * The caption every picture export carries, so a figure pasted into a paper or a slide still says
 * where it came from: what it shows, when it was made and the permalink that reopens the same view.
 */

import type { SceneNode } from '../graph/scene.ts';
import type { Focus } from '../state/view-state.ts';

/** What a view shows, in words: "Map of theories", "Brain fog", "Aerobic exercise → Brain fog". */
export function captionSubject(focus: Focus, nodes: readonly Pick<SceneNode, 'id' | 'name'>[]): string {
  const name = (id: string): string => nodes.find((node) => node.id === id)?.name ?? id;
  switch (focus.kind) {
    case 'overview':
      return 'Map of theories';
    case 'node':
    case 'theory':
      return name(focus.id);
    case 'compare':
    case 'matrix':
      return focus.ids.length === 0 ? 'Every theory' : focus.ids.map(name).join(' vs ');
    case 'agenda':
      return 'Research agenda';
    case 'path':
      return `${name(focus.from)} → ${name(focus.to)}`;
  }
}

export interface CaptionInput {
  /** What the view shows: "Brain fog", "Map of theories". */
  readonly subject: string;
  /** When the export was made. */
  readonly date: Date;
  /** The view's permalink. */
  readonly permalink: string;
  /** The release the view reads, or null (the graph as it was on `date`). */
  readonly release?: number | null;
}

/** Two lines: "Source: FibroGraph — Brain fog, exported 2026-12-06" and the permalink. */
export function exportCaption({
  subject,
  date,
  permalink,
  release = null,
}: CaptionInput): readonly [string, string] {
  const graph = release === null ? 'FibroGraph' : `FibroGraph release ${release}`;
  return [`Source: ${graph} — ${subject}, exported ${date.toISOString().slice(0, 10)}`, permalink];
}
