/**
 * The canvas as a PNG for print: Cytoscape renders the whole graph so that its longer side is about
 * PRINT_LONG_SIDE pixels (300 dpi over a 13-inch figure), on white and without the reader's selection
 * or pointer highlight; the legend (the same SVG the SVG export embeds) is drawn to its right at the
 * same scale, and the caption (source, date, permalink) underneath.
 */
import type { Core } from 'cytoscape';
import { applyReadableLabels } from '../graph/readable-labels.ts';
import { drawnKinds } from './from-canvas.ts';
import { legendSvg } from './svg-legend.ts';

/** The longer side of the graph in the image, in pixels. */
const PRINT_LONG_SIDE = 4000;
/** Never less than twice the model size: small graphs stay as sharp as before. */
const MIN_SCALE = 2;
/** Longest side of the image; far larger canvases fail to allocate or encode in browsers. */
const MAX_SIDE = 8192;
const CAPTION_FONT_PX = 12;

/** The scale that renders a `width` × `height` graph at print size, within the browser's limits. */
export function printScale(width: number, height: number, devicePixelRatio: number): number {
  const longest = Math.max(1, width, height);
  const wanted = Math.max(MIN_SCALE, PRINT_LONG_SIDE / longest);
  // Cytoscape multiplies by the screen's pixel ratio too.
  return Math.min(wanted, MAX_SIDE / (longest * Math.max(1, devicePixelRatio)));
}

/** The graph, its legend and the caption as one PNG image. */
export async function graphPng(cy: Core, caption: readonly string[] = []): Promise<Blob> {
  const box = cy.elements().boundingBox();
  const rendered = withoutReaderHighlights(cy, () =>
    cy.png({
      full: true,
      scale: printScale(box.w, box.h, window.devicePixelRatio),
      bg: '#ffffff',
      output: 'blob',
    }),
  );
  const graph = await createImageBitmap(rendered);
  // Measure the scale Cytoscape actually used (it may clamp).
  const scale = Math.max(1, graph.width / Math.max(1, Math.ceil(box.w)));
  const legend = legendSvg(drawnKinds(cy), scale);
  const legendImage = await svgImage(legend.markup);
  const fontPx = Math.round(CAPTION_FONT_PX * scale);
  const captionHeight = caption.length === 0 ? 0 : Math.ceil((caption.length + 1) * fontPx * 1.4);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(graph.width + legend.width);
  canvas.height = Math.ceil(Math.max(graph.height, legend.height) + captionHeight);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the image');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(graph, 0, 0);
  context.drawImage(legendImage, graph.width, 0, legend.width, legend.height);
  context.fillStyle = '#444444';
  context.font = `${fontPx}px system-ui, sans-serif`;
  caption.forEach((line, index) => {
    context.fillText(line, fontPx, Math.max(graph.height, legend.height) + (index + 1) * fontPx * 1.4);
  });
  graph.close();
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image was too large to encode'))),
      'image/png',
    );
  });
}

/**
 * Runs `render` with the graph as a reader of the figure should see it: no chosen or hovered node, no
 * selection overlay, and labels at their stylesheet size (the on-screen zoom compensation would print
 * them huge). Everything is put back afterwards.
 */
function withoutReaderHighlights<T>(cy: Core, render: () => T): T {
  const chosen = cy.elements('.chosen');
  const hovered = cy.elements('.hover');
  const selected = cy.elements(':selected');
  cy.batch(() => {
    chosen.removeClass('chosen');
    hovered.removeClass('hover');
    selected.unselect();
    cy.nodes().removeStyle('font-size text-max-width');
  });
  try {
    return render();
  } finally {
    cy.batch(() => {
      chosen.addClass('chosen');
      hovered.addClass('hover');
      selected.select();
    });
    applyReadableLabels(cy);
  }
}

/** An SVG document loaded as an image, ready to draw. */
async function svgImage(markup: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  return image;
}
