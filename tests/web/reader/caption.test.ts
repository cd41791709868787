/** The caption picture exports carry: what the view shows, when, and the permalink back to it. */
import { describe, expect, it } from 'vitest';
import { captionSubject, exportCaption } from '../../../web/src/export/caption.ts';
import { printScale } from '../../../web/src/export/png.ts';

const NODES = [
  { id: 'symptom:brain-fog', name: 'Brain fog' },
  { id: 'therapy:aerobic-exercise', name: 'Aerobic exercise' },
];

describe('captionSubject', () => {
  it('names the view in words', () => {
    expect(captionSubject({ kind: 'overview' }, NODES)).toBe('Map of theories');
    expect(captionSubject({ kind: 'node', id: 'symptom:brain-fog', depth: 1 }, NODES)).toBe('Brain fog');
    expect(
      captionSubject(
        { kind: 'path', from: 'therapy:aerobic-exercise', to: 'symptom:brain-fog', maxHops: 4 },
        NODES,
      ),
    ).toBe('Aerobic exercise → Brain fog');
    expect(captionSubject({ kind: 'matrix', ids: [] }, NODES)).toBe('Every theory');
  });

  it('falls back to the id of a node the scene does not hold', () => {
    expect(captionSubject({ kind: 'theory', id: 'theory:unknown' }, NODES)).toBe('theory:unknown');
  });
});

describe('exportCaption', () => {
  it('says the source, the subject, the day and the permalink', () => {
    const [first, second] = exportCaption({
      subject: 'Brain fog',
      date: new Date('2026-12-06T21:30:00Z'),
      permalink: 'http://127.0.0.1:4000/?node=symptom:brain-fog',
    });
    expect(first).toBe('Source: FibroGraph — Brain fog, exported 2026-12-06');
    expect(second).toBe('http://127.0.0.1:4000/?node=symptom:brain-fog');
  });
});

describe('printScale', () => {
  it('renders the longer side at print size, never below twice the model size', () => {
    expect(printScale(1000, 500, 1)).toBe(4);
    expect(printScale(4000, 100, 1)).toBe(2);
  });

  it('keeps within the browser limit, counting the screen pixel ratio', () => {
    expect(printScale(5000, 5000, 1) * 5000).toBeLessThanOrEqual(8192);
    expect(printScale(1000, 500, 2) * 1000 * 2).toBeLessThanOrEqual(8192);
  });
});

describe('exports of a release', () => {
  it('name the release in the caption and the file name', async () => {
    const { exportBaseName } = await import('../../../web/src/export/file-name.ts');
    const [first] = exportCaption({
      subject: 'Brain fog',
      date: new Date('2026-12-06T10:00:00Z'),
      permalink: 'http://127.0.0.1/?release=2&node=symptom:brain-fog',
      release: 2,
    });
    expect(first).toBe('Source: FibroGraph release 2 — Brain fog, exported 2026-12-06');
    expect(exportBaseName({ kind: 'node', id: 'symptom:brain-fog', depth: 1 }, 2)).toBe(
      'fibrograph-release-2-symptom-brain-fog',
    );
    expect(exportBaseName({ kind: 'overview' })).toBe('fibrograph-overview');
  });
});
