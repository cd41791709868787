/**
 * The explorer end to end, in real headless Chromium against the real server over a seeded
 * temporary store. Screenshots of the main screens land in build/screenshots.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  browserRequired,
  browserUnavailable,
  launchChromium,
  seriousAxeViolations,
} from '../support/browser.ts';
import { canvasState, openPage, screenshot, waitForGraph } from './explorer-page.ts';
import { startExplorer, webBuildMissing, type ExplorerServer } from './explorer-server.ts';

const unavailable = browserUnavailable() ?? webBuildMissing();
if (unavailable !== null) {
  if (browserRequired()) throw new Error(`browser tests cannot run: ${unavailable}`);
  console.warn(`\n  SKIPPING the explorer's browser tests: ${unavailable}\n`);
}

describe.skipIf(unavailable !== null)('explorer in headless Chromium', () => {
  let browser: Browser;
  let server: ExplorerServer;
  let context: BrowserContext;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startExplorer()]);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  }, 60_000);

  afterAll(async () => {
    await context.close();
    await browser.close();
    await server.close();
  });

  test('the first screen maps the theories with a legend and a "what is this" line', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page, { minNodes: 10 });
    await expect.poll(() => page.title()).toContain('FibroGraph');
    expect(await page.getByText(/map of fibromyalgia theories/i).count()).toBeGreaterThan(0);
    const { nodes, claims } = await canvasState(page);
    expect(nodes).toBeGreaterThanOrEqual(16);
    expect(claims).toBeGreaterThan(0);
    await screenshot(page, '01-first-screen');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('search is usable from the keyboard and focuses the chosen node', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    const search = page.getByRole('combobox', { name: /search/i });
    await search.focus();
    await page.keyboard.type('brain fog');
    await page
      .getByRole('option', { name: /brain fog/i })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('node=symptom:brain-fog');
    await waitForGraph(page, { minNodes: 2 });
    expect((await canvasState(page)).selected).toBe('symptom:brain-fog');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the first screen has no serious or critical accessibility violations', async () => {
    const { page } = await openPage(context, server.url);
    await waitForGraph(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
