/**
 * Labels a reader can read at any zoom. The map's landmarks (theories, the nodes the view is about,
 * the chosen node and the one under the pointer) keep their labels at a constant size on screen, so
 * the zoomed-out first screen names its theories legibly; every other label appears once the zoom
 * makes it at least MIN_LABEL_PX tall (the stylesheet's `min-zoomed-font-size`), instead of crowding
 * the centre with 6-pixel text.
 */
import type { Core } from 'cytoscape';

/** Below this rendered size an ordinary node's label is not drawn. */
export const MIN_LABEL_PX = 8;

/** The nodes whose labels stay readable at every zoom. */
export const LANDMARKS = 'node.kind-theory, node.anchor, node.chosen, node.hover';

/**
 * Below this zoom landmark labels shrink with the map again: zoomed out that far, constant-size names
 * would pile into one blot, so they fade out (under MIN_LABEL_PX) until the reader zooms back in. A
 * map fitted further out than this (a wide canvas shows the whole fit, at whatever zoom that takes)
 * keeps its landmarks at their base size down to the fitted zoom: they shrink only once the reader
 * zooms out beyond the first screen.
 */
export const LANDMARK_ZOOM_FLOOR = 0.5;

/** The zoom each canvas was last fitted at (rememberFittedZoom). */
const fittedZooms = new WeakMap<Core, number>();

/** Records the canvas's zoom as its fitted one, so the first screen names its landmarks legibly. */
export function rememberFittedZoom(cy: Core): void {
  fittedZooms.set(cy, cy.zoom());
}

/**
 * Font size (model pixels) that renders as `basePx` on screen at `zoom`, down to the zoom `floor`;
 * never smaller than the base.
 */
export function landmarkFontSize(basePx: number, zoom: number, floor = LANDMARK_ZOOM_FLOOR): number {
  if (!(zoom > 0) || zoom >= 1) return basePx;
  return basePx / Math.max(zoom, floor);
}

/** Sets the landmarks' label sizes for the current zoom and clears them from nodes that stopped being one. */
export function applyReadableLabels(cy: Core): void {
  const zoom = cy.zoom();
  const floor = Math.min(LANDMARK_ZOOM_FLOOR, fittedZooms.get(cy) ?? LANDMARK_ZOOM_FLOOR);
  cy.batch(() => {
    const landmarks = cy.nodes(LANDMARKS);
    cy.nodes().not(landmarks).removeStyle('font-size text-max-width');
    landmarks.forEach((node) => {
      const base = node.hasClass('kind-theory') ? 13 : 11;
      node.style({
        'font-size': landmarkFontSize(base, zoom, floor),
        'text-max-width': `${landmarkFontSize(120, zoom, floor)}px`,
      });
    });
  });
}

/**
 * Keeps labels readable while the reader zooms (at most once a frame), and shows a node's label while
 * the pointer is on it. Returns the function that stops it.
 */
export function keepLabelsReadable(cy: Core): () => void {
  let frame = 0;
  const onZoom = (): void => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      applyReadableLabels(cy);
    });
  };
  const onOver = (event: { target: { addClass: (name: string) => void } }): void => {
    event.target.addClass('hover');
    applyReadableLabels(cy);
  };
  const onOut = (event: { target: { removeClass: (name: string) => void } }): void => {
    event.target.removeClass('hover');
    applyReadableLabels(cy);
  };
  cy.on('zoom', onZoom);
  cy.on('mouseover', 'node', onOver);
  cy.on('mouseout', 'node', onOut);
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    cy.off('zoom', onZoom);
    cy.off('mouseover', 'node', onOver);
    cy.off('mouseout', 'node', onOut);
  };
}
