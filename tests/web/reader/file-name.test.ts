/** Export file names say what the view was about and are safe on every file system. */
import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../../../web/src/export/file-name.ts';

describe('exportBaseName', () => {
  it('names each kind of focus', () => {
    expect(exportBaseName({ kind: 'overview' })).toBe('fibrograph-overview');
    expect(exportBaseName({ kind: 'node', id: 'symptom:brain-fog', depth: 1 })).toBe(
      'fibrograph-symptom-brain-fog',
    );
    expect(exportBaseName({ kind: 'theory', id: 'theory:central-sensitization' })).toBe(
      'fibrograph-theory-central-sensitization',
    );
    expect(exportBaseName({ kind: 'compare', ids: ['theory:a', 'theory:b'] })).toBe(
      'fibrograph-theory-a-vs-theory-b',
    );
    expect(exportBaseName({ kind: 'path', from: 'therapy:x', to: 'symptom:y', maxHops: 4 })).toBe(
      'fibrograph-therapy-x-to-symptom-y',
    );
  });

  it('keeps names short and free of stray hyphens', () => {
    const name = exportBaseName({ kind: 'node', id: `symptom:${'a-'.repeat(100)}`, depth: 1 });
    expect(name.length).toBeLessThanOrEqual('fibrograph-'.length + 80);
    expect(name).not.toMatch(/-$/);
  });
});
