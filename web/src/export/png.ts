/**
 * The canvas as a PNG with the legend beside it: Cytoscape renders the whole graph at twice its
 * size on white, and the legend (the same SVG the SVG export embeds) is drawn to its right at the
 * same scale.
 */
import type { Core } from 'cytoscape';
import { drawnKinds } from './from-canvas.ts';
import { legendSvg } from './svg-legend.ts';

const SCALE = 2;
/** Longest side of the image; far larger canvases fail to allocate or encode in browsers. */
const MAX_SIDE = 8192;

/** The graph and its legend as one PNG image. */
export async function graphPng(cy: Core): Promise<Blob> {
  const box = cy.elements().boundingBox();
  const longestSide = Math.max(box.w, box.h) * SCALE * window.devicePixelRatio;
  const rendered =
    longestSide <= MAX_SIDE
      ? cy.png({ full: true, scale: SCALE, bg: '#ffffff', output: 'blob' })
      : cy.png({ full: true, maxWidth: MAX_SIDE, maxHeight: MAX_SIDE, bg: '#ffffff', output: 'blob' });
  const graph = await createImageBitmap(rendered);
  // Cytoscape also multiplies by the screen's pixel ratio; measure the scale it actually used.
  const scale = Math.max(1, graph.width / Math.max(1, Math.ceil(box.w)));
  const legend = legendSvg(drawnKinds(cy), scale);
  const legendImage = await svgImage(legend.markup);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(graph.width + legend.width);
  canvas.height = Math.ceil(Math.max(graph.height, legend.height));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the image');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(graph, 0, 0);
  context.drawImage(legendImage, graph.width, 0, legend.width, legend.height);
  graph.close();
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image was too large to encode'))),
      'image/png',
    );
  });
}

/** An SVG document loaded as an image, ready to draw. */
async function svgImage(markup: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  return image;
}
