/** Small SVG-writing helpers shared by the graph and legend exports: escaping, numbers, node shapes. */
import type { KindShape } from '../graph/vocabulary.ts';

/** Text made safe for an SVG/XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate rounded to 0.1 px: precise enough to draw, short enough to keep files small. */
export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

type UnitPoint = readonly [number, number];

/** A five-pointed star in the unit box, points alternating between the outer and inner radius. */
function starPoints(): UnitPoint[] {
  const inner = 0.45;
  return Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? 1 : inner;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return [radius * Math.cos(angle), radius * Math.sin(angle)] as const;
  });
}

/** Polygon shapes as points in the box [-1, 1]², drawn like Cytoscape draws them. */
const UNIT_POLYGONS: Readonly<
  Record<'hexagon' | 'diamond' | 'triangle' | 'octagon' | 'star', readonly UnitPoint[]>
> = {
  hexagon: [
    [-1, 0],
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  octagon: [
    [-0.414, -1],
    [0.414, -1],
    [1, -0.414],
    [1, 0.414],
    [0.414, 1],
    [-0.414, 1],
    [-1, 0.414],
    [-1, -0.414],
  ],
  star: starPoints(),
};

/** One SVG element drawing `shape` centred on (x, y) in a w × h box; `attributes` style it. */
export function shapeMarkup(
  shape: KindShape,
  x: number,
  y: number,
  w: number,
  h: number,
  attributes: string,
): string {
  switch (shape) {
    case 'ellipse':
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${attributes}/>`;
    case 'rectangle':
    case 'round-rectangle': {
      const corner = shape === 'round-rectangle' ? ` rx="${num(Math.min(w, h) / 4)}"` : '';
      return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}"${corner} ${attributes}/>`;
    }
    default: {
      const points = UNIT_POLYGONS[shape]
        .map(([px, py]) => `${num(x + (px * w) / 2)},${num(y + (py * h) / 2)}`)
        .join(' ');
      return `<polygon points="${points}" ${attributes}/>`;
    }
  }
}
