/**
 * "How to read this map": a short key for a first visit, over the corner of the map. It shows once per
 * browser until dismissed; the legend can bring it back.
 */
import { useEffect, useId, useRef } from 'react';
import { KIND_LOOKS } from '../graph/vocabulary.ts';
import { KindIcon } from './KindIcon.tsx';
import './reader.css';

const SEEN_KEY = 'fibrograph:map-intro-seen';

/** True once the reader has dismissed the intro in this browser (storage that fails counts as unseen). */
export function introSeen(): boolean {
  try {
    return window.localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers that the reader has read the intro. */
export function markIntroSeen(): void {
  try {
    window.localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // Private modes may refuse storage: the intro then shows again next visit, which is harmless.
  }
}

export function MapIntro({
  onClose,
  takeFocus,
}: {
  readonly onClose: () => void;
  readonly takeFocus: boolean;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the legend, the reader is taken to it; on a first visit the page keeps its focus.
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  return (
    <section className="map-intro" aria-labelledby={`${id}-heading`} data-testid="map-intro">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        How to read this map
      </h2>
      <ul>
        <li>
          <KindIcon kind="THEORY" size={16} /> {KIND_LOOKS.THEORY.plural} are the landmarks; around them are
          the <KindIcon kind="MECHANISM" size={14} /> mechanisms they propose, the{' '}
          <KindIcon kind="SYMPTOM" size={14} /> symptoms they explain and the{' '}
          <KindIcon kind="THERAPY" size={14} /> therapies that act on them.
        </li>
        <li>
          A line is a claim. Thicker means better evidence; dashed means only weak evidence; vermillion means
          the evidence disagrees.
        </li>
        <li>Select a shape or a line to read it in plain words, with the evidence for and against.</li>
        <li>Zoom in to see every name; double-click a shape to bring in its neighbours.</li>
      </ul>
      <button type="button" onClick={onClose}>
        Got it
      </button>
    </section>
  );
}
