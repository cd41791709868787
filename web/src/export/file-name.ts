/** File names for exports, named after what the view is about: `fibrograph-symptom-brain-fog.png`. */
import type { Focus } from '../state/view-state.ts';

/**
 * The file name (without extension) for an export of a view with this focus; a release's export says
 * which release it is (`fibrograph-release-2-symptom-brain-fog.png`).
 */
export function exportBaseName(focus: Focus, release: number | null = null): string {
  return `fibrograph-${release === null ? '' : `release-${release}-`}${slug(focusWords(focus))}`;
}

function focusWords(focus: Focus): string {
  switch (focus.kind) {
    case 'overview':
      return 'overview';
    case 'node':
    case 'theory':
      return focus.id;
    case 'compare':
      return focus.ids.join(' vs ');
    case 'matrix':
      return focus.ids.length === 0 ? 'matrix all theories' : `matrix ${focus.ids.join(' ')}`;
    case 'agenda':
      return 'research agenda';
    case 'path':
      return `${focus.from} to ${focus.to}`;
  }
}

/** Lower-case letters, digits and single hyphens: safe on every file system. */
function slug(words: string): string {
  return (
    words
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 80)
      .replace(/^-+|-+$/g, '') || 'view'
  );
}
