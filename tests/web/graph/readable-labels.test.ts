/** Readable labels: landmarks keep a constant size on screen when the map is zoomed out. */
import { describe, expect, it } from 'vitest';
import { landmarkFontSize } from '../../../web/src/graph/readable-labels.ts';

describe('landmarkFontSize', () => {
  it('grows as the map zooms out, so the label renders at its base size', () => {
    expect(landmarkFontSize(13, 0.5)).toBe(26);
    expect(landmarkFontSize(13, 0.5) * 0.5).toBe(13);
  });

  it('lets landmarks shrink again below the zoom floor, so far-out names do not pile up', () => {
    expect(landmarkFontSize(13, 0.25)).toBe(26);
    expect(landmarkFontSize(13, 0.25) * 0.25).toBe(6.5);
  });

  it('keeps the base size down to a lower floor, the zoom a wide canvas was fitted at', () => {
    expect(landmarkFontSize(13, 0.37, 0.37) * 0.37).toBeCloseTo(13);
    expect(landmarkFontSize(13, 0.2, 0.37) * 0.2).toBeCloseTo(7.03);
  });

  it('keeps the base size at or beyond 100 % zoom, and for a zoom that makes no sense', () => {
    expect(landmarkFontSize(11, 1)).toBe(11);
    expect(landmarkFontSize(11, 2.5)).toBe(11);
    expect(landmarkFontSize(11, 0)).toBe(11);
  });
});
