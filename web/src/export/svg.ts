/**
 * The drawn graph as a standalone SVG document. It is built from plain data (positions and sizes read
 * off the canvas), so it is unit-tested without a browser. Shapes and colours follow KIND_LOOKS and
 * the claim encoding follows elements.ts: width for strength, dashes for weak-only evidence,
 * vermillion and a hollow diamond for contested claims. A legend sits to the right of the graph.
 */
import type { NodeKind } from '../api/generated.ts';
import { CLAIM_COLOUR, CONTESTED_COLOUR, KIND_LOOKS } from '../graph/vocabulary.ts';
import { diamondMarkup, kindPaint, legendBlock } from './svg-legend.ts';
import { escapeXml, num, shapeMarkup } from './svg-markup.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node as drawn: centre, size and the classes elements.ts gave it (`anchor`, `faded`, …). */
export interface SvgNode {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly classes: readonly string[];
}

/** A claim as drawn: where it leaves its source and meets its target, width and classes. */
export interface SvgEdge {
  readonly source: Point;
  readonly target: Point;
  readonly width: number;
  readonly classes: readonly string[];
}

/** Everything `graphSvg` draws. */
export interface SvgGraph {
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
  /** The document's <title>, e.g. "FibroGraph: Brain fog". */
  readonly title: string;
  /** Lines printed under the picture: source, date, permalink (export/caption.ts). */
  readonly caption?: readonly string[];
}

const MARGIN = 24;
const LEGEND_GAP = 32;
const LABEL_FONT_SIZE = 11;
const LABEL_LINE = 13;
/** About 120 px of 11 px text, the canvas's label wrap width. */
const LABEL_CHARS = 20;
const CHAR_WIDTH = 6;
const CAPTION_FONT_SIZE = 11;
const CAPTION_LINE = 15;

/** The graph and its legend as an SVG document. */
export function graphSvg({ nodes, edges, title, caption = [] }: SvgGraph): string {
  const labelled = nodes.map((node) => ({ node, lines: wrapLabel(node.label, LABEL_CHARS) }));
  const box = bounds(labelled, edges);
  const kinds = [...new Set(nodes.map((node) => node.kind))];
  const legend = legendBlock(kinds);
  const legendX = box.right + LEGEND_GAP;
  const left = box.left - MARGIN;
  const top = box.top - MARGIN;
  const width = legendX + legend.width + MARGIN - left;
  const drawing = Math.max(box.bottom - box.top, legend.height);
  const captionHeight = caption.length === 0 ? 0 : caption.length * CAPTION_LINE + MARGIN / 2;
  const height = drawing + 2 * MARGIN + captionHeight;
  const captionTop = top + MARGIN + drawing + MARGIN / 2;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" ` +
      `viewBox="${num(left)} ${num(top)} ${num(width)} ${num(height)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${num(left)}" y="${num(top)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    `<g class="claims">${edges.map(edgeMarkup).join('')}</g>`,
    `<g class="nodes">${labelled.map(({ node, lines }) => nodeMarkup(node, lines)).join('')}</g>`,
    `<g transform="translate(${num(legendX)} ${num(box.top)})">${legend.markup}</g>`,
    caption.length === 0
      ? ''
      : `<g class="caption" font-family="system-ui, sans-serif" font-size="${CAPTION_FONT_SIZE}" fill="#444444">${caption
          .map(
            (line, index) =>
              `<text x="${num(left + MARGIN)}" y="${num(captionTop + (index + 1) * CAPTION_LINE)}">${escapeXml(line)}</text>`,
          )
          .join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Greedy word wrap into lines of at most `width` characters (a longer word gets its own line). */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The area the nodes, their labels and the claims cover; a small square for an empty graph. */
function bounds(
  labelled: readonly { readonly node: SvgNode; readonly lines: readonly string[] }[],
  edges: readonly SvgEdge[],
): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const { node, lines } of labelled) {
    const halfWidth = Math.max(node.w, longest(lines) * CHAR_WIDTH) / 2;
    xs.push(node.x - halfWidth, node.x + halfWidth);
    ys.push(node.y - node.h / 2, labelTop(node) + lines.length * LABEL_LINE);
  }
  for (const edge of edges) {
    xs.push(edge.source.x, edge.target.x);
    ys.push(edge.source.y, edge.target.y);
  }
  if (xs.length === 0) return { left: 0, top: 0, right: 100, bottom: 100 };
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

function longest(lines: readonly string[]): number {
  return Math.max(0, ...lines.map((line) => line.length));
}

function labelTop(node: SvgNode): number {
  return node.y + node.h / 2 + 4;
}

function nodeMarkup(node: SvgNode, lines: readonly string[]): string {
  const anchor = node.classes.includes('anchor');
  const faded = node.classes.includes('faded') ? ' opacity="0.15"' : '';
  const shape = shapeMarkup(
    KIND_LOOKS[node.kind].shape,
    node.x,
    node.y,
    node.w,
    node.h,
    kindPaint(node.kind, anchor ? 3 : 1.5),
  );
  const weight = anchor ? ' font-weight="bold"' : '';
  const tspans = lines
    .map(
      (line, index) =>
        `<tspan x="${num(node.x)}" y="${num(labelTop(node) + (index + 1) * LABEL_LINE - 2)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  const label =
    `<text text-anchor="middle" font-family="system-ui, sans-serif" font-size="${LABEL_FONT_SIZE}"${weight} ` +
    `fill="#1a1a1a" stroke="#ffffff" stroke-width="3" stroke-opacity="0.8" paint-order="stroke">${tspans}</text>`;
  return `<g${faded}><title>${escapeXml(`${KIND_LOOKS[node.kind].label}: ${node.label}`)}</title>${shape}${label}</g>`;
}

/**
 * A straight claim line ending in an arrowhead at the target (none for a claim that states no
 * direction), with the contested diamond mid-way.
 */
function edgeMarkup(edge: SvgEdge): string {
  const { source, target, width } = edge;
  const contested = edge.classes.includes('contested');
  const colour = contested ? CONTESTED_COLOUR : CLAIM_COLOUR;
  const opacity = edge.classes.includes('faded') ? 0.15 : 0.75;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const arrow = edge.classes.includes('undirected') ? 0 : Math.min(length / 2, 6 + width * 1.2);
  // The line stops at the arrow's base so a dashed line does not show through the head.
  const base = { x: target.x - ux * arrow, y: target.y - uy * arrow };
  const [nx, ny] = [-uy * arrow * 0.45, ux * arrow * 0.45];
  const dash = edge.classes.includes('weak') ? ' stroke-dasharray="6 4"' : '';
  const parts = [
    `<line x1="${num(source.x)}" y1="${num(source.y)}" x2="${num(base.x)}" y2="${num(base.y)}" ` +
      `stroke="${colour}" stroke-width="${num(width)}"${dash}/>`,
  ];
  if (arrow > 0) {
    parts.push(
      `<polygon points="${num(target.x)},${num(target.y)} ${num(base.x + nx)},${num(base.y + ny)} ` +
        `${num(base.x - nx)},${num(base.y - ny)}" fill="${colour}"/>`,
    );
  }
  if (contested) {
    const degrees = (Math.atan2(dy, dx) * 180) / Math.PI;
    parts.push(diamondMarkup((source.x + target.x) / 2, (source.y + target.y) / 2, degrees, width));
  }
  return `<g opacity="${opacity}">${parts.join('')}</g>`;
}
