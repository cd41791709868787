/**
 * The legend drawn into exported images, so a picture taken out of the explorer still says what its
 * shapes, colours, widths and dashes mean. The SVG export embeds it; the PNG export rasterises it.
 */
import type { NodeKind } from '../api/generated.ts';
import { CLAIM_COLOUR, CONTESTED_COLOUR, KIND_LOOKS, NODE_KINDS } from '../graph/vocabulary.ts';
import { escapeXml, num, shapeMarkup } from './svg-markup.ts';

/** SVG markup and the size it occupies, drawn from (0, 0). */
export interface SvgBlock {
  readonly markup: string;
  readonly width: number;
  readonly height: number;
}

const ROW = 20;
const PADDING = 10;
const WIDTH = 250;
const ICON_X = PADDING + 10;
const TEXT_X = 40;
const FONT = 'font-family="system-ui, sans-serif" font-size="12" fill="#1a1a1a"';

/** The legend for the given kinds (all kinds when none are given), claim key included. */
export function legendBlock(kinds: readonly NodeKind[]): SvgBlock {
  const shown = kinds.length === 0 ? NODE_KINDS : NODE_KINDS.filter((kind) => kinds.includes(kind));
  const parts: string[] = [];
  let top = PADDING;
  const text = (x: number, middle: number, words: string, weight = ''): string =>
    `<text x="${x}" y="${num(middle + 4)}" ${FONT}${weight}>${escapeXml(words)}</text>`;
  const heading = (words: string): void => {
    parts.push(text(PADDING, top + ROW / 2, words, ' font-weight="bold"'));
    top += ROW;
  };
  // A key line: its icon drawn around the row's middle, then what it means.
  const row = (words: string, icon: (middle: number) => string): void => {
    const middle = top + ROW / 2;
    parts.push(icon(middle), text(TEXT_X, middle, words));
    top += ROW;
  };
  const line =
    (width: number, colour: string, extra = '') =>
    (middle: number): string =>
      `<line x1="${PADDING}" y1="${num(middle)}" x2="${TEXT_X - 6}" y2="${num(middle)}" stroke="${colour}" stroke-width="${width}"${extra}/>`;

  heading('Kinds');
  for (const kind of shown) {
    const look = KIND_LOOKS[kind];
    row(look.plural, (middle) => shapeMarkup(look.shape, ICON_X, middle, 14, 14, kindPaint(kind)));
  }
  heading('Claims');
  row('Thin line: weaker evidence', line(1.5, CLAIM_COLOUR));
  row('Thick line: stronger evidence', line(6, CLAIM_COLOUR));
  row('Dashed: weak evidence only', line(2, CLAIM_COLOUR, ' stroke-dasharray="6 4"'));
  row(
    'Vermillion, diamond: contested',
    (middle) => line(2, CONTESTED_COLOUR)(middle) + diamondMarkup(ICON_X + 2, middle, 0, 2),
  );
  row('No arrowhead: no direction claimed', line(2, CLAIM_COLOUR));
  const height = top + PADDING;
  const frame = `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" fill="#ffffff" stroke="#d0d0d0"/>`;
  return { markup: `<g class="legend">${frame}${parts.join('')}</g>`, width: WIDTH, height };
}

/** The legend on its own, as a complete SVG document (for compositing into a PNG). */
export function legendSvg(kinds: readonly NodeKind[], scale = 1): SvgBlock {
  const block = legendBlock(kinds);
  const width = block.width * scale;
  const height = block.height * scale;
  const markup =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" ` +
    `viewBox="0 0 ${block.width} ${block.height}">${block.markup}</svg>`;
  return { markup, width, height };
}

/** Fill and outline for a kind's shape. */
export function kindPaint(kind: NodeKind, borderWidth = 1.5): string {
  return `fill="${KIND_LOOKS[kind].colour}" stroke="#333333" stroke-width="${num(borderWidth)}"`;
}

/** The hollow diamond that marks a contested claim, centred on (x, y) and turned along the edge. */
export function diamondMarkup(x: number, y: number, degrees: number, edgeWidth: number): string {
  const half = 5 + edgeWidth;
  const across = 3.5 + edgeWidth / 2;
  return (
    `<path d="M${num(-half)} 0L0 ${num(-across)}L${num(half)} 0L0 ${num(across)}Z" ` +
    `transform="translate(${num(x)} ${num(y)}) rotate(${num(degrees)})" ` +
    `fill="#ffffff" stroke="${CONTESTED_COLOUR}" stroke-width="1.5"/>`
  );
}
