/**
 * Export the current view: a PNG or SVG picture of the graph with its legend, or the view as
 * Cytoscape.js JSON. Pictures need the canvas, so in the list view only the JSON (built from the
 * scene) is offered, and the menu says why.
 */
import type { Core } from 'cytoscape';
import { useId, useState } from 'react';
import type { Scene } from '../graph/scene.ts';
import type { ViewState } from '../state/view-state.ts';
import { captionSubject, exportCaption } from '../export/caption.ts';
import { cytoscapeDocument, cytoscapeJsonText } from '../export/cyjs.ts';
import { downloadBlob } from '../export/download.ts';
import { exportBaseName } from '../export/file-name.ts';
import { READING_RELEASE } from '../api/release.ts';
import { drawnGraph } from '../export/from-canvas.ts';
import { graphPng } from '../export/png.ts';
import { graphSvg } from '../export/svg.ts';
import './reader.css';

type Format = 'png' | 'svg' | 'json';

export function ExportMenu({
  getCy,
  scene,
  view,
}: {
  readonly getCy: () => Core | null;
  readonly scene: Scene;
  readonly view: ViewState;
}) {
  const id = useId();
  const [message, setMessage] = useState<{ readonly text: string; readonly failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const empty = scene.nodes.length === 0;
  const pictures = view.mode === 'graph' && !empty;
  const baseName = exportBaseName(view.focus, READING_RELEASE);

  const run = async (format: Format): Promise<void> => {
    // Ignored rather than disabled while busy: disabling the focused button would drop keyboard focus.
    if (busy) return;
    const cy = getCy();
    const fileName = `${baseName}.${format === 'json' ? 'cyjs' : format}`;
    // The permalink is the page's own address: the URL follows the view.
    const caption = exportCaption({
      subject: captionSubject(view.focus, scene.nodes),
      date: new Date(),
      permalink: window.location.href,
      release: READING_RELEASE,
    });
    setBusy(true);
    try {
      if (format === 'json') {
        const document = cytoscapeDocument({
          scene,
          name: baseName,
          selected: view.selected,
          ...(cy ? { drawn: cy.json() } : {}),
        });
        downloadBlob(new Blob([cytoscapeJsonText(document)], { type: 'application/json' }), fileName);
      } else if (!cy) {
        throw new Error('switch to the graph view to export an image');
      } else if (format === 'png') {
        downloadBlob(await graphPng(cy, caption), fileName);
      } else {
        const svg = graphSvg({ ...drawnGraph(cy, `FibroGraph: ${baseName}`), caption });
        downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), fileName);
      }
      setMessage({ text: `Saved ${fileName}.`, failed: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ text: `Could not export: ${reason}.`, failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" role="group" aria-labelledby={`${id}-label`} aria-busy={busy}>
      <span id={`${id}-label`} className="export-label">
        Export
      </span>
      <button
        type="button"
        aria-label="Export PNG"
        disabled={!pictures}
        aria-describedby={pictures ? undefined : `${id}-why`}
        onClick={() => void run('png')}
      >
        PNG
      </button>
      <button
        type="button"
        aria-label="Export SVG"
        disabled={!pictures}
        aria-describedby={pictures ? undefined : `${id}-why`}
        onClick={() => void run('svg')}
      >
        SVG
      </button>
      <button
        type="button"
        aria-label="Export Cytoscape JSON"
        title="Cytoscape.js JSON (.cyjs), which Cytoscape desktop also opens"
        disabled={empty}
        onClick={() => void run('json')}
      >
        JSON
      </button>
      {pictures ? null : (
        <span id={`${id}-why`} className="export-why">
          {empty ? 'Nothing to export yet.' : 'Switch to the graph view to export an image.'}
        </span>
      )}
      {/* Successes are announced; failures are also shown. */}
      <span className={message?.failed ? 'export-failed' : 'visually-hidden'} role="status">
        {message?.text ?? ''}
      </span>
    </div>
  );
}
