/** Page helpers for the explorer's browser tests: open a view, wait for the layout, screenshots. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Where the main screens are saved for a reviewer to look at. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../build/screenshots/', import.meta.url));

/** A page that records console errors and failed requests, so a test can assert there were none. */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
}

export async function openPage(context: BrowserContext, url: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(url);
  return { page, problems };
}

/** Waits until the canvas has drawn at least `minNodes` nodes and a layout has finished since `after`. */
export async function waitForGraph(
  page: Page,
  options: { minNodes?: number; after?: number } = {},
): Promise<number> {
  const { minNodes = 1, after = 0 } = options;
  await page.waitForFunction(
    ([min, since]) => {
      const canvas = document.querySelector('[data-testid="graph-canvas"]');
      const done = Number(document.body.dataset['layoutDone'] ?? '0');
      return canvas !== null && Number(canvas.getAttribute('data-nodes')) >= min && done > since;
    },
    [minNodes, after] as const,
    { timeout: 15_000 },
  );
  return layoutCount(page);
}

/** How many layouts have finished so far. */
export function layoutCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset['layoutDone'] ?? '0'));
}

/** The canvas's node and claim counts and selection. */
export async function canvasState(
  page: Page,
): Promise<{ nodes: number; claims: number; highlighted: number; selected: string }> {
  const canvas = page.getByTestId('graph-canvas');
  return {
    nodes: Number(await canvas.getAttribute('data-nodes')),
    claims: Number(await canvas.getAttribute('data-claims')),
    highlighted: Number(await canvas.getAttribute('data-highlighted')),
    selected: (await canvas.getAttribute('data-selected')) ?? '',
  };
}

/** Saves what a 1400×900 screen shows as build/screenshots/<name>.png (the app fills the viewport; panels scroll). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Types into a search combobox and picks the first hit whose name matches (keyboard-free, by click). */
export async function chooseFromSearch(
  scope: Page | Locator,
  comboboxName: string | RegExp,
  text: string,
  option: RegExp,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: comboboxName });
  await box.fill(text);
  const listId = await box.getAttribute('aria-controls');
  if (listId === null) throw new Error('the search box names no listbox');
  await scope.locator(`[id="${listId}"]`).getByRole('option', { name: option }).first().click();
}

/**
 * Every node's position, rounded to a pixel, by id. The app does not expose its Cytoscape instance;
 * Cytoscape keeps one on its container element, which is what this reads.
 */
export function nodePositions(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    interface Registry {
      _cyreg: { cy: { nodes(): { id(): string; position(): { x: number; y: number } }[] } };
    }
    const canvas = document.querySelector('[data-testid="graph-canvas"]') as unknown as Registry;
    const positions: Record<string, [number, number]> = {};
    for (const node of canvas._cyreg.cy.nodes()) {
      const { x, y } = node.position();
      positions[node.id()] = [Math.round(x), Math.round(y)];
    }
    return positions;
  });
}

/** The fitted zoom and the on-screen size (CSS px) of every theory's label, read from Cytoscape. */
export function theoryLabelSizes(page: Page): Promise<{ zoom: number; theories: number[] } | null> {
  return page.evaluate(() => {
    // Cytoscape registers its instance on the container element.
    const canvas = document.querySelector<HTMLElement & { _cyreg?: { cy?: import('cytoscape').Core } }>(
      '[data-testid="graph-canvas"]',
    );
    const cy = canvas?._cyreg?.cy;
    if (!cy) return null;
    const zoom = cy.zoom();
    return {
      zoom,
      theories: cy
        .nodes('.kind-theory')
        .map((node) => Number.parseFloat(String(node.style('font-size'))) * zoom),
    };
  });
}

/** Signs in through the explorer's editor with `token`; returns the editor region. */
export async function signIn(page: Page, token: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Sign in to edit' }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByLabel('Editor token').fill(token);
  await editor.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').first().waitFor();
  return editor;
}

/** How far the page reaches past the viewport sideways, in CSS pixels (0 or less: nothing overflows). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
