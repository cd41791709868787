/** A kind's shape and colour as a small inline SVG, for the legend, search hits and lists. */
import type { NodeKind } from '../api/generated.ts';
import { KIND_LOOKS, type KindShape } from '../graph/vocabulary.ts';

/** SVG path data for each shape in a 16×16 box. */
export const SHAPE_PATHS: Readonly<Record<KindShape, string>> = {
  hexagon: 'M4 1.5h8l3.5 6.5-3.5 6.5h-8L0.5 8z',
  'round-rectangle': 'M4 2h8a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3h-8a3 3 0 0 1-3-3v-6a3 3 0 0 1 3-3z',
  ellipse: 'M8 1.5a6.5 6.5 0 1 0 0.001 0z',
  diamond: 'M8 0.5l7.5 7.5-7.5 7.5-7.5-7.5z',
  triangle: 'M8 1l7 13.5h-14z',
  rectangle: 'M1.5 2.5h13v11h-13z',
  octagon: 'M5.3 1h5.4l4.3 4.3v5.4l-4.3 4.3h-5.4l-4.3-4.3v-5.4z',
  star: 'M8 0.8l2.1 4.6 5 .5-3.8 3.3 1.1 4.9L8 11.6l-4.4 2.5 1.1-4.9L.9 5.9l5-.5z',
};

export function KindIcon({ kind, size = 16 }: { readonly kind: NodeKind; readonly size?: number }) {
  const look = KIND_LOOKS[kind];
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={SHAPE_PATHS[look.shape]} fill={look.colour} stroke="#333" strokeWidth="1" />
    </svg>
  );
}
