/**
 * The FibroGraph mark: a theory (hexagon) joined to a mechanism and a symptom, drawn in the map's
 * own kind colours so the logo already says how to read the map. Decorative: the heading beside it
 * names the product.
 */
import { KIND_LOOKS } from '../graph/vocabulary.ts';

export function BrandMark() {
  return (
    <svg className="brand-mark" width="30" height="30" viewBox="0 0 30 30" aria-hidden="true">
      <g stroke="#4e5966" strokeWidth="1.6" strokeLinecap="round">
        <line x1="10" y1="11" x2="22" y2="7" />
        <line x1="10" y1="11" x2="21" y2="22" />
        <line x1="22" y1="7" x2="21" y2="22" strokeDasharray="2 2.5" />
      </g>
      <polygon
        points="10,4.5 15.6,7.75 15.6,14.25 10,17.5 4.4,14.25 4.4,7.75"
        fill={KIND_LOOKS.THEORY.colour}
        stroke="#17212b"
      />
      <rect x="18" y="3" width="8" height="8" rx="1.5" fill={KIND_LOOKS.MECHANISM.colour} stroke="#17212b" />
      <circle cx="21" cy="22" r="4.5" fill={KIND_LOOKS.SYMPTOM.colour} stroke="#17212b" />
    </svg>
  );
}
