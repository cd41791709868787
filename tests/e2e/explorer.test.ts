/**
 * The explorer end to end, in real headless Chromium against the real server over a seeded
 * temporary store. Screenshots of the main screens land in build/screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  browserRequired,
  browserUnavailable,
  launchChromium,
  seriousAxeViolations,
} from '../support/browser.ts';
import {
  canvasState,
  chooseFromSearch,
  layoutCount,
  nodePositions,
  openPage,
  screenshot,
  sidewaysOverflow,
  signIn,
  theoryLabelSizes,
  waitForGraph,
} from './explorer-page.ts';
import { startExplorer, webBuildMissing, type ExplorerServer } from './explorer-server.ts';

const unavailable = browserUnavailable() ?? webBuildMissing();

/** The texts the project holds (the two seed posts): every quote shown must be a substring of one. */
const HELD_TEXTS = fs
  .readdirSync('seed/texts')
  .map((name) => fs.readFileSync(path.join('seed/texts', name), 'utf8').replace(/\s+/g, ' '));
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

  test('search is usable from the keyboard and focuses the chosen node; undo and Back return', async () => {
    const { page, problems } = await openPage(context, server.url);
    const overview = await waitForGraph(page);
    const map = await canvasState(page);
    const search = page.getByRole('combobox', { name: /search/i });
    await search.focus();
    await page.keyboard.type('brain fog');
    const firstHit = page
      .getByRole('listbox', { name: /search/i })
      .getByRole('option')
      .first();
    await firstHit.waitFor();
    expect(await firstHit.textContent()).toMatch(/brain fog/i);
    // ↓ lands on the first hit (it used to skip to the second), and Enter opens it.
    await page.keyboard.press('ArrowDown');
    expect(await firstHit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('node=symptom:brain-fog');
    const focused = await waitForGraph(page, { minNodes: 2, after: overview });
    expect((await canvasState(page)).selected).toBe('symptom:brain-fog');
    // Undo is a view change like any other: the map comes back, and Redo returns to brain fog.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    const undone = await waitForGraph(page, { after: focused });
    expect(await canvasState(page)).toEqual(map);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.url()).toContain('node=symptom:brain-fog');
    await waitForGraph(page, { after: undone });
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the first screen has no serious or critical accessibility violations', async () => {
    const { page } = await openPage(context, server.url);
    await waitForGraph(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
  test('search → select: the details panel shows a verbatim quote with its source', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    await chooseFromSearch(page, /search/i, 'aerobic', /aerobic exercise/i);
    const details = page.getByTestId('details-panel');
    await details.getByRole('heading', { name: /aerobic exercise/i }).waitFor();
    const quotes = details.locator('blockquote');
    await quotes.first().waitFor();
    const shown = (await quotes.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(shown.length).toBeGreaterThan(0);
    for (const quote of shown) {
      const bare = quote.replace(/^[“"]|[”"]$/g, '');
      expect(
        HELD_TEXTS.some((text) => text.includes(bare)),
        `quote not held verbatim: ${bare}`,
      ).toBe(true);
    }
    // Each quote names its source; the post is a linked title.
    expect(await details.getByRole('link', { name: /another fibro explanation/i }).count()).toBeGreaterThan(
      0,
    );
    await screenshot(page, '02-details');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a claim says how certain it is in words, and why: the grade, what it rests on, each step', async () => {
    const id = 'claim:glial-activation--associated-with--fatigue';
    const { page, problems } = await openPage(
      context,
      `${server.url}/?node=mechanism:glial-activation&sel=${id}`,
    );
    await waitForGraph(page);
    const details = page.getByTestId('details-panel');
    await details.getByRole('heading', { name: /glial activation is associated with fatigue/i }).waitFor();
    const certainty = details.locator('.details-certainty');
    await expect.poll(() => certainty.innerText()).toMatch(/Very low certainty\s+a mechanistic study/);
    await certainty.getByText('Why this grade').click();
    const reasons = (await certainty.locator('.certainty-reasons li').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    expect(reasons[0]).toMatch(/starts very low: the best support is a mechanistic study/);
    // No "Strength 0.60 of 1" left anywhere.
    expect(await details.innerText()).not.toMatch(/of 1\b/);
    await screenshot(page, '03-certainty');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a source shows the claims citing it, in the graph and in its details, each with only what it says', async () => {
    const id = 'source:another-fibro-explanation';
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ source(id: "${id}") { title citedBy { id } } }` }),
    });
    const { data } = (await response.json()) as {
      data: { source: { title: string; citedBy: { id: string }[] } };
    };
    const citing = data.source.citedBy.length;
    expect(citing).toBeGreaterThan(1);

    const { page, problems } = await openPage(context, `${server.url}/?node=${id}&sel=${id}`);
    // No claim connects a source, so its scene is the claims citing it, with their ends.
    await waitForGraph(page, { minNodes: 3 });
    expect((await canvasState(page)).claims).toBe(citing);
    const details = page.getByTestId('details-panel');
    const list = details.getByRole('list', { name: 'Claims citing this source' });
    // The post is cited by more claims than one page holds: the rest come with "Show more claims".
    expect(citing).toBeGreaterThan(25);
    await details.getByRole('heading', { name: 'Claims citing it (25+)' }).waitFor();
    expect(await list.locator(':scope > li').count()).toBe(25);
    await details.getByRole('button', { name: 'Show more claims' }).click();
    await details.getByRole('heading', { name: `Claims citing it (${citing})` }).waitFor();
    expect(await list.locator(':scope > li').count()).toBe(citing);
    expect(await details.getByRole('button', { name: 'Show more claims' }).count()).toBe(0);
    // Every evidence item under the list cites this post, and at least one quotes it verbatim.
    const citations = await list.locator('.details-citation').allInnerTexts();
    expect(citations.length).toBeGreaterThanOrEqual(citing);
    for (const citation of citations) expect(citation).toContain(data.source.title);
    const quotes = (await list.locator('blockquote').allInnerTexts()).map((text) =>
      text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[“"]|[”"]$/g, ''),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes)
      expect(
        HELD_TEXTS.some((text) => text.includes(quote)),
        quote,
      ).toBe(true);
    await list.locator(':scope > li').first().scrollIntoViewIfNeeded();
    await screenshot(page, '12-source-citing-claims');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Opening a claim shows all of its evidence, this source's and the others'.
    await list
      .getByRole('button', { name: /^Open the claim/ })
      .first()
      .click();
    await details.getByText('Claim ·').waitFor();
    expect(await details.locator('.details-citation').count()).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('expand adds a neighbourhood to the scene and collapse removes it', async () => {
    // Brain fog's neighbourhood, with a neighbour selected: expanding it brings that theory's neighbours.
    const { page, problems } = await openPage(
      context,
      `${server.url}/?node=symptom:brain-fog&sel=theory:central-sensitization`,
    );
    const first = await waitForGraph(page, { minNodes: 2 });
    const before = await canvasState(page);
    const controls = page.getByTestId('expand-controls');
    await controls.getByRole('button', { name: 'Expand', exact: true }).click();
    await expect.poll(() => page.url()).toContain('expand=theory:central-sensitization');
    const expanded = await waitForGraph(page, { after: first });
    expect((await canvasState(page)).nodes).toBeGreaterThan(before.nodes);
    await controls.getByRole('button', { name: /collapse/i }).click();
    await expect.poll(() => page.url()).not.toContain('expand=');
    await waitForGraph(page, { after: expanded });
    expect((await canvasState(page)).nodes).toBe(before.nodes);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('expanding the focused node reaches one step beyond what is drawn, so something new appears', async () => {
    const { page, problems } = await openPage(
      context,
      `${server.url}/?node=symptom:brain-fog&sel=symptom:brain-fog`,
    );
    const first = await waitForGraph(page, { minNodes: 2 });
    const before = await canvasState(page);
    const controls = page.getByTestId('expand-controls');
    await controls.getByRole('button', { name: 'Expand', exact: true }).click();
    await expect.poll(() => page.url()).toContain('expand=symptom:brain-fog');
    await waitForGraph(page, { after: first });
    expect((await canvasState(page)).nodes).toBeGreaterThan(before.nodes);
    expect(await controls.getByRole('status').textContent()).toBe(
      'Expanded 2 steps out: all kinds, through any relation.',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a permalink to an unknown node names it and offers the closest match and the map, not a dead end', async () => {
    const { page, problems } = await openPage(context, `${server.url}/?node=symptom:brain-fogg`);
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toContain('Nothing in FibroGraph has the id “symptom:brain-fogg”');
    expect(await alert.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await alert.getByRole('button', { name: 'Go to the map of theories' }).waitFor();
    await screenshot(page, '15-unknown-node');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await alert.getByRole('button', { name: 'Did you mean Brain fog?' }).click();
    await expect.poll(() => page.url()).toContain('node=symptom:brain-fog');
    await waitForGraph(page, { minNodes: 2 });
    expect((await canvasState(page)).selected).toBe('symptom:brain-fog');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('"RCT or stronger" hides the claims below it, the nodes left without claims, and every weak-only dash', async () => {
    const { page, problems } = await openPage(context, server.url);
    const first = await waitForGraph(page);
    const canvas = page.getByTestId('graph-canvas');
    const before = await canvasState(page);
    expect(Number(await canvas.getAttribute('data-weak-claims'))).toBeGreaterThan(0);
    await page.getByLabel('Minimum evidence').selectOption('RCT');
    await waitForGraph(page, { after: first });
    const after = await canvasState(page);
    expect(after.claims).toBeLessThan(before.claims);
    expect(after.nodes).toBeLessThan(before.nodes);
    expect(Number(await canvas.getAttribute('data-weak-claims'))).toBe(0);
    const hidden = (await page.locator('.filter-hidden').textContent()) ?? '';
    const [, hiddenNodes] = /(\d+) nodes? and/.exec(hidden) ?? [];
    expect(Number(hiddenNodes)).toBe(before.nodes - after.nodes);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('"how could aerobic exercise relate to brain fog?" lists ranked readable paths and highlights one', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    const panel = page.getByTestId('path-panel');
    await chooseFromSearch(panel, 'From', 'aerobic', /aerobic exercise/i);
    await chooseFromSearch(panel, 'To', 'brain fog', /brain fog/i);
    const done = await layoutCount(page);
    await panel.getByRole('button', { name: 'Find paths' }).click();
    await expect.poll(() => page.url()).toContain('from=therapy:aerobic-exercise');
    await waitForGraph(page, { minNodes: 3, after: done });
    // The answer gets the room under the map, across its width.
    const answer = page.getByTestId('results-dock');
    const readings = answer.locator('.path-reading');
    await readings.first().waitFor();
    expect((await answer.boundingBox())?.width).toBeGreaterThan(500);
    const first = await readings.first().innerText();
    expect(first).toMatch(/^Aerobic exercise .+ brain fog\.?$/i);
    const best = await canvasState(page);
    expect(best.highlighted).toBeGreaterThan(2);
    // The seed connects them several ways; the second path lights up other claims.
    expect(await readings.count()).toBeGreaterThan(1);
    await answer.getByRole('button', { name: 'Highlight path 2' }).click();
    await expect.poll(() => page.url()).toContain('path=1');
    expect(await answer.getByRole('button', { name: 'Highlight path 2' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await screenshot(page, '03-paths');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a neighbourhood bigger than its node budget says so and shows more on asking', async () => {
    // The seed's neighbourhoods fit the default budget of 150, so the link asks for five.
    const { page, problems } = await openPage(
      context,
      `${server.url}/?node=symptom:chronic-pain&depth=2&limit=5`,
    );
    const first = await waitForGraph(page, { minNodes: 5 });
    expect((await canvasState(page)).nodes).toBe(5);
    const status = page.getByRole('status').filter({ hasText: /nearest and best-supported/ });
    await expect
      .poll(() => status.textContent())
      .toMatch(/Showing the 5 nearest and best-supported of \d+ nodes/);
    const total = Number(/of (\d+) nodes/.exec((await status.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(5);
    await screenshot(page, '16-node-budget');
    await status.getByRole('button', { name: /more/ }).click();
    await expect.poll(() => page.url()).toContain('limit=155');
    await waitForGraph(page, { after: first });
    expect((await canvasState(page)).nodes).toBe(Math.min(total, 155));
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a permalink restores the scene: focus, selection, filters and layout', async () => {
    const { page } = await openPage(context, server.url);
    await waitForGraph(page);
    await chooseFromSearch(page, /search/i, 'central sensitization', /central sensitization/i);
    await waitForGraph(page, { minNodes: 2 });
    // With a node chosen the legend is the map's fold (it stands in the details column only while
    // nothing is chosen).
    await page.locator('.legend-dock > summary').click();
    await page.getByRole('button', { name: /^therapies$/i }).click();
    await page.getByLabel('Layout').selectOption('concentric');
    await expect.poll(() => page.url()).toContain('layout=concentric');
    const link = page.url();
    await waitForGraph(page, { minNodes: 2 });
    const scene = await canvasState(page);
    const restored = await openPage(context, link);
    await waitForGraph(restored.page, { minNodes: 2 });
    expect(await canvasState(restored.page)).toEqual(scene);
    expect(await restored.page.getByLabel('Layout').inputValue()).toBe('concentric');
    await restored.page.locator('.legend-dock > summary').click();
    await expect
      .poll(() => restored.page.getByRole('button', { name: /^therapies$/i }).getAttribute('aria-pressed'))
      .toBe('false');
    expect(restored.problems).toEqual([]);
    await page.close();
    await restored.page.close();
  });

  test('the same link lays the graph out the same way every time', async () => {
    const link = `${server.url}/?node=theory:central-sensitization&depth=2`;
    const arrangements = [];
    for (let load = 0; load < 2; load += 1) {
      const { page, problems } = await openPage(context, link);
      await waitForGraph(page, { minNodes: 10 });
      // The force-directed layout animates to its end state; read positions once it has settled.
      await page.waitForTimeout(600);
      arrangements.push(await nodePositions(page));
      expect(problems).toEqual([]);
      await page.close();
    }
    expect(Object.keys(arrangements[0] ?? {}).length).toBeGreaterThan(10);
    expect(arrangements[1]).toEqual(arrangements[0]);
  });

  test('exports the view as a PNG image', async () => {
    const { page } = await openPage(context, server.url);
    await waitForGraph(page, { minNodes: 10 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export PNG' }).click(),
    ]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(10_000);
    // Print resolution: the graph alone is rendered about 4,000 px across (PNG width at bytes 16–19).
    expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(3000);
    await page.close();
  });

  test('exports an SVG figure with a caption naming the source, the day and the permalink', async () => {
    const { page, problems } = await openPage(
      context,
      `${server.url}/?node=symptom:brain-fog&sel=symptom:brain-fog`,
    );
    await waitForGraph(page, { minNodes: 2 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    const svg = fs.readFileSync(await download.path(), 'utf8');
    expect(svg).toContain(
      `Source: FibroGraph — Brain fog, exported ${new Date().toISOString().slice(0, 10)}`,
    );
    expect(svg).toContain('?node=symptom:brain-fog&amp;sel=symptom:brain-fog');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('theory comparison: any number of theories, the coverage matrix a table', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    const panel = page.getByTestId('theory-panel');
    await panel.getByRole('checkbox', { name: 'Central sensitization' }).check();
    await panel.getByRole('button', { name: /^Compare/ }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('at least two');
    await panel.getByRole('checkbox', { name: 'Muscle hypoperfusion theory' }).check();
    await panel.getByRole('checkbox', { name: 'Small-fibre pathology' }).check();
    await panel.getByRole('button', { name: 'Compare 3 theories' }).click();
    await expect
      .poll(() => page.url())
      .toContain(
        'compare=theory:central-sensitization,theory:muscle-hypoperfusion,theory:small-fibre-pathology',
      );
    const comparison = page.getByTestId('theory-comparison');
    const table = comparison.getByRole('table');
    await table.waitFor();
    expect((await comparison.boundingBox())?.width).toBeGreaterThan(500);
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    // One column per theory, after the symptom column.
    expect(await table.getByRole('columnheader').count()).toBe(4);
    await screenshot(page, '04-compare');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.getByRole('table').first().waitFor();
    await screenshot(page, '05-list-view');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
  test('a guideline that recommends against a therapy says so, with its grade and why', async () => {
    const id = 'claim:strong-opioids--relieves--chronic-pain';
    const { page, problems } = await openPage(
      context,
      `${server.url}/?node=therapy:strong-opioids&sel=${id}`,
    );
    await waitForGraph(page);
    const details = page.getByTestId('details-panel');
    // Nothing supports it, so the claim reads as what the guideline says, not "may relieve".
    await details
      .getByRole('heading', {
        name: /guideline recommends against strong opioids for chronic pain \(strength not rated\)/i,
      })
      .waitFor();
    const item = details.locator('.details-evidence.disputes').first();
    await expect.poll(() => item.innerText()).toMatch(/Guideline recommends against/);
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/not recommended in fibromyalgia \(evidence level IV, grade D\)/);
    expect(text).toMatch(/expert opinion/);
    expect(text).toMatch(/EULAR evidence based recommendations for the management of fibromyalgia syndrome/);
    // Nothing supports the claim, so it cannot read as a therapy that works.
    expect(await details.locator('.details-evidence.supports').count()).toBe(0);
    // The locator names the stored copy the curator read; the source's title links to it, so its
    // address is not printed a second time.
    const citation = item.locator('.details-citation');
    expect(await citation.innerText()).toMatch(/read in the stored copy/);
    expect(await citation.innerText()).not.toMatch(/https:/);
    expect(
      await citation.locator('a[href="https://ard.bmj.com/highwire/markup/180341/expansion"]').count(),
    ).toBe(1);
    await screenshot(page, '13-guideline-against');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("a theory's matrix row: the overlap conditions central sensitisation explains and the nitric-oxide cycle does not", async () => {
    const { page, problems } = await openPage(
      context,
      `${server.url}/?matrix=theory:central-sensitization,theory:no-peroxynitrite-cycle`,
    );
    const table = page.getByTestId('matrix-view').getByRole('table');
    await table.waitFor();
    const row = table.getByRole('row', { name: /Irritable bowel syndrome/ });
    await row.waitFor();
    const cells = await row
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    expect(cells.some((label) => /Central sensiti[sz]ation.*: consistent/i.test(label))).toBe(true);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, '13-matrix-row');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the discrimination matrix: ranked theories and rows, a cell opens its claims, the CSV downloads', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    await page
      .getByTestId('theory-panel')
      .getByRole('button', { name: 'Weigh every theory (matrix)' })
      .click();
    await expect.poll(() => page.url()).toContain('matrix=all');
    const matrix = page.getByTestId('matrix-view');
    const table = matrix.getByRole('table');
    await table.waitFor();
    // A column per theory (16 in the seed) after the row and "tells apart" columns.
    expect(await table.getByRole('columnheader').count()).toBe(18);
    const firstRow = table.getByRole('row').nth(1);
    const diagnosticity = Number(await firstRow.getByRole('cell').first().textContent());
    const lastRow = table.getByRole('row').last();
    expect(diagnosticity).toBeGreaterThanOrEqual(
      Number(await lastRow.getByRole('cell').first().textContent()),
    );
    // Open a cell: the claims behind it, each a way into the evidence.
    const cell = firstRow.getByRole('button', { name: /: consistent.*Show the claims/ }).first();
    const cellName = (await cell.getAttribute('aria-label')) ?? '';
    await cell.click();
    const claims = page.getByTestId('matrix-cell-claims');
    await claims.getByRole('listitem').first().waitFor();
    expect(await claims.getByRole('heading').textContent()).toContain(
      cellName.split(':')[0]?.split(' and ')[0],
    );
    await screenshot(page, '12-matrix');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const claimButton = claims.getByRole('listitem').first().getByRole('button');
    const reading = (await claimButton.textContent()) ?? '';
    await claimButton.click();
    await expect
      .poll(() =>
        page
          .getByRole('complementary', { name: 'Details' })
          .getByRole('heading', { level: 2 })
          .first()
          .textContent(),
      )
      .toBe(reading);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      matrix.getByRole('button', { name: 'Download the matrix (CSV)' }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('fibrograph-matrix.csv');
    expect(csv.split('\r\n')[0]).toMatch(/^row_id,row,row_kind,diagnosticity,/);
    expect(csv).toContain('symptom:chronic-pain');
    // The permalink restores the matrix.
    const again = await openPage(context, page.url());
    await again.page.getByTestId('matrix-view').getByRole('table').waitFor();
    await again.page.close();
    expect(problems).toEqual([]);
    await page.close();
  });

  test('what-if: leaving out personal accounts re-grades claims, re-ranks paths and re-weighs the matrix, and the link keeps it', async () => {
    const { page, problems } = await openPage(
      context,
      `${server.url}/?from=therapy:aerobic-exercise&to=symptom:brain-fog`,
    );
    const readings = page.getByTestId('results-dock').locator('.path-reading');
    await readings.first().waitFor();
    const before = await readings.allInnerTexts();
    const whatIf = page.getByRole('region', { name: 'What if…' });
    await whatIf.getByRole('checkbox', { name: 'personal accounts and blog posts' }).check();
    await whatIf.getByRole('checkbox', { name: 'hypothesis papers' }).check();
    await expect.poll(() => page.url()).toContain('leave=ANECDOTE,HYPOTHESIS');
    await expect
      .poll(() => whatIf.getByRole('status').textContent())
      .toContain('leaving out hypothesis papers; personal accounts and blog posts');
    // The paths are ranked again from what is left: fewer of them, and not the same list.
    await expect.poll(async () => (await readings.allInnerTexts()).join('\n')).not.toBe(before.join('\n'));
    expect((await readings.allInnerTexts()).length).toBeLessThan(before.length);
    await screenshot(page, '13-what-if-paths');
    // A claim resting partly on a blog post: its grade is worked out without it, and it says so.
    await page.goto(`${server.url}/?sel=claim:aerobic-exercise--relieves--chronic-pain&leave=ANECDOTE`);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText(/Under the what-if: \d+ of its evidence/).waitFor();
    expect(await details.getByText(/personal account/).count()).toBe(0);
    await page.goto(`${server.url}/?sel=claim:aerobic-exercise--relieves--chronic-pain`);
    await details.getByRole('heading', { level: 2 }).first().waitFor();
    expect(await details.getByText(/Under the what-if/).count()).toBe(0);
    // The matrix under the same what-if says so and has fewer rows than without it.
    await page.goto(`${server.url}/?matrix=all`);
    const status = page.getByTestId('matrix-view').getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/rows/);
    const allRows = Number(
      /of (\d+) rows|^(\d+) rows/
        .exec((await status.textContent()) ?? '')
        ?.slice(1)
        .find(Boolean),
    );
    await page.goto(`${server.url}/?matrix=all&leave=ANECDOTE`);
    await page
      .getByTestId('matrix-view')
      .getByText(/What-if: leaving out personal accounts/)
      .waitFor();
    await expect.poll(() => status.textContent()).toMatch(/rows/);
    const fewerRows = Number(
      /of (\d+) rows|^(\d+) rows/
        .exec((await status.textContent()) ?? '')
        ?.slice(1)
        .find(Boolean),
    );
    expect(fewerRows).toBeLessThan(allRows);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the research agenda ranks open questions by the theories they would test and opens their matrix', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    await page.getByTestId('theory-panel').getByRole('button', { name: 'Open questions' }).click();
    const agenda = page.getByTestId('agenda-view');
    const items = agenda.getByRole('listitem');
    await items.first().waitFor();
    // Most theories tested first (three), ties by name.
    expect(await items.first().getByRole('heading').textContent()).toBe(
      'Does small-fibre loss drive central sensitisation, or follow from it?',
    );
    expect(await items.first().textContent()).toContain('Would test 3 theories');
    const counts = (await items.allInnerTexts()).map((text) =>
      Number(/Would test (\d+)/.exec(text)?.[1] ?? 1),
    );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await items.nth(1).getByRole('heading').textContent()).toBe(
      'Is blood flow in muscle reduced in fibromyalgia?',
    );
    await screenshot(page, '14-agenda');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await items.first().getByRole('button', { name: 'Weigh these theories' }).click();
    await expect.poll(() => page.url()).toContain('matrix=theory:');
    const table = page.getByTestId('matrix-view').getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('editor: sign in, create a node, add a claim with evidence, see it in the graph and in history; a stale edit shows the conflict', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    const editor = await signIn(page, server.editorToken);
    await screenshot(page, '06-signed-in');

    // A new mechanism (test data, obviously synthetic).
    await page.getByRole('button', { name: 'New node' }).click();
    await editor.getByLabel('Kind').selectOption('MECHANISM');
    await editor.getByLabel('Name').fill('E2E test mechanism');
    await editor.getByLabel('Summary').fill('Made by the browser test; not medical content.');
    await editor.getByRole('button', { name: 'Create node' }).click();
    const details = page.getByTestId('details-panel');
    await details.getByRole('heading', { name: 'E2E test mechanism' }).waitFor();
    expect(page.url()).toContain('sel=mechanism:e2e-test-mechanism');
    // The new node appears on the map the editor was looking at, selected.
    await expect.poll(() => page.url()).toContain('expand=mechanism:e2e-test-mechanism');
    await expect.poll(async () => (await canvasState(page)).selected).toBe('mechanism:e2e-test-mechanism');
    const withNode = await canvasState(page);

    // A claim from it to brain fog, with a curator's note citing a seeded source.
    await details.getByRole('button', { name: 'Add claim' }).click();
    await editor.getByLabel('Relation').selectOption('CAUSES');
    await chooseFromSearch(editor, 'To', 'brain fog', /brain fog/i);
    await chooseFromSearch(editor, 'Source', 'another fibro', /another fibro explanation/i);
    await editor.getByLabel("Curator's note").fill('E2E test note, not a finding.');
    await editor.getByLabel('Evidence level').selectOption('HYPOTHESIS');
    await editor.getByLabel('Supports the claim').check();
    await screenshot(page, '07-add-claim');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Add claim' }).click();
    await details
      .getByText(/E2E test mechanism is proposed to cause brain fog/i)
      .first()
      .waitFor();

    // The claim appears in place too: the new node's neighbourhood on the map now holds it.
    await expect.poll(async () => (await canvasState(page)).claims).toBeGreaterThan(withNode.claims);

    // In the graph: its neighbourhood holds the new claim.
    const done = await waitForGraph(page).catch(() => 0);
    await details.getByRole('button', { name: 'Show neighbourhood' }).click();
    await waitForGraph(page, { minNodes: 2, after: done });
    const scene = await canvasState(page);
    expect(scene).toMatchObject({ nodes: 2, claims: 1, selected: 'mechanism:e2e-test-mechanism' });

    // In history, by the editor.
    await details.getByRole('button', { name: 'History' }).click();
    const history = editor.locator('.history-list > li');
    await history.first().waitFor();
    await history.first().scrollIntoViewIfNeeded();
    expect(await history.count()).toBe(2);
    expect(await editor.locator('.history-list').innerText()).toContain('erin-editor');
    await screenshot(page, '08-history');

    // A stale edit: someone else saves first; the form shows what changed and retries on request.
    await details.getByRole('button', { name: 'Edit node' }).click();
    await editor.getByLabel('Summary').fill('My summary, written in the browser.');
    const elsewhere = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.editorToken}` },
      body: JSON.stringify({
        query:
          'mutation { updateNode(id: "mechanism:e2e-test-mechanism", expectedVersion: 1, patch: { name: "E2E renamed elsewhere" }) { version } }',
      }),
    });
    expect(
      ((await elsewhere.json()) as { data: { updateNode: { version: number } } }).data.updateNode.version,
    ).toBe(2);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByRole('button', { name: 'Keep my changes and retry' }).waitFor();
    expect(await editor.innerText()).toContain('E2E renamed elsewhere');
    await editor.getByRole('heading').first().scrollIntoViewIfNeeded();
    await screenshot(page, '09-conflict');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Keep my changes and retry' }).click();
    await details.getByText('My summary, written in the browser.').waitFor();
    await details.getByRole('heading', { name: 'E2E renamed elsewhere' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
  test('works at tablet width: nothing overflows sideways and the graph is drawn', async () => {
    const tablet = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
    const { page, problems } = await openPage(
      tablet,
      `${server.url}/?node=symptom:brain-fog&sel=symptom:brain-fog`,
    );
    await waitForGraph(page, { minNodes: 2 });
    await page
      .getByTestId('details-panel')
      .getByRole('heading', { name: /brain fog/i })
      .waitFor();
    const overflow = await sidewaysOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    const canvas = await page.getByTestId('graph-canvas').boundingBox();
    expect(canvas?.width).toBeGreaterThan(300);
    expect(canvas?.height).toBeGreaterThan(300);
    await screenshot(page, '10-tablet');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await tablet.close();
  });
  test('a first visit gets a short key to the map; once dismissed it stays away, and the legend brings it back', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, problems } = await openPage(fresh, server.url);
    await waitForGraph(page);
    const intro = page.getByTestId('map-intro');
    await intro.getByRole('heading', { name: 'How to read this map' }).waitFor();
    expect(await intro.innerText()).toMatch(/Thicker means better evidence/);
    await screenshot(page, '01-first-visit');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await intro.getByRole('button', { name: 'Got it' }).click();
    expect(await intro.count()).toBe(0);
    await page.reload();
    await waitForGraph(page);
    expect(await page.getByTestId('map-intro').count()).toBe(0);
    await page.getByRole('button', { name: 'How to read this map' }).click();
    const heading = page.getByTestId('map-intro').getByRole('heading', { name: 'How to read this map' });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
    await fresh.close();
  });

  test('the first screen names every theory legibly: theory labels render at 13 px whatever the fitted zoom', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    const sizes = await theoryLabelSizes(page);
    expect(sizes).not.toBeNull();
    expect(sizes?.theories.length).toBeGreaterThan(10);
    for (const rendered of sizes?.theories ?? []) expect(rendered).toBeGreaterThanOrEqual(12.9);
    expect(problems).toEqual([]);
    await page.close();
  });

  // At 1400×900 the canvas is 696 px wide, a narrow one, never fitted below the landmarks' zoom floor
  // (0.5). A wider canvas shows the whole map, further out if need be: 736 px on a 1440×900 laptop and
  // 748 px in the 1100×900 tablet layout fit it at about 0.37; 1216 px at 1920×1080 above the floor.
  test('theory labels render at 13 px on the first screen of wider canvases too, fitted below the zoom floor or not', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1100, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      const own = await browser.newContext({ viewport });
      const { page, problems } = await openPage(own, server.url);
      await waitForGraph(page);
      const sizes = await theoryLabelSizes(page);
      expect(sizes?.theories.length).toBeGreaterThan(10);
      const smallest = Math.min(...(sizes?.theories ?? []));
      expect(smallest, `${viewport.width}×${viewport.height}, zoom ${sizes?.zoom}`).toBeGreaterThanOrEqual(
        12.9,
      );
      expect(problems).toEqual([]);
      await own.close();
    }
  });

  test('works on a phone: the map takes the whole width, details and explore come up as sheets', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const { page, problems } = await openPage(phone, server.url);
    await waitForGraph(page);
    const overflow = () => sidewaysOverflow(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const canvas = await page.getByTestId('graph-canvas').boundingBox();
    expect(canvas?.width).toBeGreaterThanOrEqual(380);
    expect(canvas?.height).toBeGreaterThan(500);
    // Nothing selected: no sheet covers the map.
    expect(await page.getByRole('complementary', { name: 'Details' }).isVisible()).toBe(false);
    await screenshot(page, '17-phone-map');

    // Choosing a node brings its details up as a sheet over the lower part of the map.
    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill('brain fog');
    await page
      .getByRole('listbox', { name: /search/i })
      .getByRole('option')
      .first()
      .click();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: /brain fog/i }).waitFor();
    const sheet = await details.boundingBox();
    expect(sheet?.height).toBeLessThanOrEqual(844 * 0.55 + 1);
    // The map stays in view above the details, with the chosen node on it.
    const map = await page.getByTestId('graph-canvas').boundingBox();
    expect(map?.height).toBeGreaterThan(150);
    expect((map?.y ?? 0) + (map?.height ?? 0)).toBeLessThanOrEqual((sheet?.y ?? 0) + 1);
    expect(sheet?.width).toBeGreaterThanOrEqual(380);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, '17-phone-details');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await details.getByRole('button', { name: 'Close details' }).click();
    expect(await details.isVisible()).toBe(false);

    // Explore (theories, paths, filters, what-if) is a sheet too.
    const explore = page.getByRole('button', { name: 'Explore', exact: true });
    expect(await explore.getAttribute('aria-expanded')).toBe('false');
    await explore.click();
    const panel = page.getByRole('complementary', { name: 'Explore' });
    await panel.getByRole('heading', { name: 'Theories' }).waitFor();
    expect(await explore.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, '17-phone-explore');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Close explore' }).click();
    expect(await panel.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await phone.close();
  });

  test('researchers get a GraphQL IDE from FibroGraph itself, offline, linked from the explorer', async () => {
    const { page, problems } = await openPage(context, server.url);
    await waitForGraph(page);
    const link = page.getByRole('link', { name: /GraphQL IDE/ });
    expect(await link.getAttribute('href')).toBe('/graphiql');
    // This browser reaches nothing but the test server, so a CDN-loaded IDE would stay blank.
    await page.goto(`${server.url}/graphql`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/graphiql');
    const run = page.getByRole('button', { name: /Execute query/i });
    await run.waitFor({ timeout: 15_000 });
    // The editor holds the example query once GraphiQL has loaded the schema and set up its editors.
    await expect
      .poll(() => page.locator('.view-lines').first().innerText(), { timeout: 15_000 })
      .toContain('certaintySummary');
    await run.click();
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 15_000 })
      .toContain('certaintySummary');
    expect(await page.locator('.graphiql-response').innerText()).toContain('glial');
    await screenshot(page, '18-graphiql');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('an admin reads a history in words and reverts a change from it; the map and details follow', async () => {
    const own = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const id = 'symptom:cold-intolerance';
    const { page, problems } = await openPage(own, `${server.url}/?node=${id}&sel=${id}`);
    await waitForGraph(page);
    const editor = await signIn(page, server.adminToken);
    const details = page.getByTestId('details-panel');

    // An edit to revert: a new summary.
    await details.getByRole('button', { name: 'Edit node' }).click();
    const original = await editor.getByLabel('Summary').inputValue();
    await editor.getByLabel('Summary').fill('A summary the admin will revert (browser test).');
    await editor.getByRole('button', { name: /^Save/ }).click();
    await details.getByText('A summary the admin will revert (browser test).').waitFor();

    await details.getByRole('button', { name: 'History' }).click();
    const history = editor.locator('.history-list > li');
    await history.first().waitFor();
    // Named in words: the node's name, not its id.
    expect(await history.first().locator('.history-head').innerText()).toMatch(
      /Edited node “?Cold intolerance/,
    );
    await screenshot(page, '19-history-revert');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await history
      .first()
      .getByRole('button', { name: /Revert this change/ })
      .click();
    await editor.getByText(/Reverted: edited Cold intolerance/).waitFor();
    await details.getByText(original).first().waitFor();
    // The revert is itself a change, at the head of the list.
    await expect.poll(() => history.count()).toBeGreaterThanOrEqual(2);
    expect(await history.first().locator('.history-head').innerText()).toContain('ada-admin');
    expect(problems).toEqual([]);
    await own.close();
  });

  test('editor: a source can be edited, and deleting it is refused while evidence cites it', async () => {
    // A context of its own: the sign-in of the editor test above must not carry over.
    const own = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const id = 'source:neck-and-shoulder-pain';
    const { page, problems } = await openPage(own, `${server.url}/?node=${id}&sel=${id}`);
    await waitForGraph(page);
    const editor = await signIn(page, server.editorToken);

    const details = page.getByTestId('details-panel');
    await details.getByRole('button', { name: 'Edit node' }).click();
    const title = editor.getByLabel('Title', { exact: true });
    expect(await title.inputValue()).toBe('Neck and Shoulder Pain');
    await title.fill('Neck and Shoulder Pain (retitled by the browser test)');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    // The title as the source's facts show it (its citing claims' citations repeat it).
    await details
      .locator('dd')
      .filter({ hasText: 'Neck and Shoulder Pain (retitled by the browser test)' })
      .waitFor();
    expect(await editor.getByRole('status').innerText()).toMatch(/^Saved/);
    expect(await editor.innerText()).toContain('version 2');

    await editor.getByRole('button', { name: 'Delete source…' }).click();
    await editor.getByRole('button', { name: 'Delete', exact: true }).click();
    await editor.getByText(/cited by \d+ evidence item/).waitFor();
    await editor.getByRole('heading').first().scrollIntoViewIfNeeded();
    await screenshot(page, '11-edit-source');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await own.close();
  });

  // The editor's journey on the two smaller screens (the laptop one is the editor tests above): sign
  // in, create a node, see it on the map, edit it, and as an admin revert the edit from its history.
  for (const screen of [
    { name: 'tablet', width: 820, height: 1180, phone: false },
    { name: 'phone', width: 390, height: 844, phone: true },
  ] as const) {
    test(`editor journey on a ${screen.name} (${screen.width}×${screen.height}): sign in, create, edit, revert`, async () => {
      const own = await browser.newContext({
        viewport: { width: screen.width, height: screen.height },
        ...(screen.phone ? { isMobile: true, hasTouch: true } : {}),
      });
      const { page, problems } = await openPage(own, server.url);
      await waitForGraph(page);
      const overflow = () => sidewaysOverflow(page);
      const editor = await signIn(page, server.adminToken);
      await page.getByRole('button', { name: 'New node' }).click();
      await editor.getByLabel('Kind').selectOption('MECHANISM');
      const name = `E2E ${screen.name} mechanism`;
      await editor.getByLabel('Name').fill(name);
      await editor.getByLabel('Summary').fill('Made by the browser test; not medical content.');
      await editor.getByRole('button', { name: 'Create node' }).click();
      const details = page.getByTestId('details-panel');
      await details.getByRole('heading', { name }).waitFor();
      await expect.poll(async () => (await canvasState(page)).selected).toContain('e2e-');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, `21-${screen.name}-created`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await details.getByRole('button', { name: 'Edit node' }).click();
      await editor.getByLabel('Summary').fill('Edited on a small screen (browser test).');
      await editor.getByRole('button', { name: 'Save changes' }).click();
      await details.getByText('Edited on a small screen (browser test).').waitFor();
      await details.getByRole('button', { name: 'History' }).click();
      const history = editor.locator('.history-list > li');
      await history.first().waitFor();
      await history
        .first()
        .getByRole('button', { name: /Revert this change/ })
        .click();
      await details.getByText('Made by the browser test; not medical content.').first().waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await screenshot(page, `21-${screen.name}-history`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await own.close();
    });
  }

  // The reader's journeys at the three screens the explorer is built for: a laptop, a tablet and a
  // phone. Each screen is checked for sideways overflow, axe violations and a clean console, and
  // saved as build/screenshots/20-<screen>-<journey>.png to look at.
  const SCREENS = [
    { name: 'laptop', width: 1440, height: 900, phone: false },
    { name: 'tablet', width: 820, height: 1180, phone: false },
    { name: 'phone', width: 390, height: 844, phone: true },
  ] as const;
  for (const screen of SCREENS) {
    test(`reader journeys on a ${screen.name} (${screen.width}×${screen.height}): map, search, details, paths, comparison, matrix`, async () => {
      const own = await browser.newContext({
        viewport: { width: screen.width, height: screen.height },
        ...(screen.phone ? { isMobile: true, hasTouch: true } : {}),
      });
      const { page, problems } = await openPage(own, server.url);
      const check = async (journey: string): Promise<void> => {
        const overflow = await sidewaysOverflow(page);
        expect(overflow, `${journey} overflows sideways`).toBeLessThanOrEqual(0);
        await screenshot(page, `20-${screen.name}-${journey}`);
        expect(await seriousAxeViolations(page), journey).toEqual([]);
      };

      // The map, with its first-visit key.
      await waitForGraph(page, { minNodes: 10 });
      await page.getByTestId('map-intro').waitFor();
      // The legend is in view without scrolling: beside the map, in the details column, while nothing
      // is chosen (so it covers none of the map); on a phone, folded on the map. The map's fold is
      // always there to open it.
      const dock = page.locator('.legend-dock');
      expect(await dock.getAttribute('open')).toBeNull();
      expect(await dock.locator('summary').first().isVisible()).toBe(true);
      if (!screen.phone) {
        const kinds = page.getByTestId('details-panel').locator('.legend-kinds');
        const box = await kinds.boundingBox();
        expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(screen.height);
      }
      await check('map');
      await page.getByTestId('map-intro').getByRole('button', { name: 'Got it' }).click();

      // Search → details of the chosen node, once its neighbourhood is laid out.
      const mapDone = await layoutCount(page);
      await page.getByRole('combobox', { name: /search/i }).fill('fatigue');
      await page
        .getByRole('listbox', { name: /search/i })
        .getByRole('option')
        .first()
        .click();
      await waitForGraph(page, { minNodes: 2, after: mapDone });
      const details = page.getByTestId('details-panel');
      await details.getByRole('heading', { name: 'Fatigue', exact: true }).waitFor();
      await details.getByRole('heading', { name: 'Fatigue', exact: true }).scrollIntoViewIfNeeded();
      expect(await details.isVisible()).toBe(true);
      await check('details');

      // A path question's answer in the dock under the map.
      await page.goto(`${server.url}/?from=therapy:aerobic-exercise&to=symptom:brain-fog`);
      const answer = page.getByTestId('results-dock');
      await answer.locator('.path-reading').first().waitFor();
      expect(await answer.locator('.path-reading').first().isVisible()).toBe(true);
      // Laid out and fitted to the room the answer left it, not caught mid-animation.
      await waitForGraph(page, { minNodes: 2 });
      await check('paths');

      // A comparison of three theories.
      await page.goto(
        `${server.url}/?compare=theory:central-sensitization,theory:small-fibre-pathology,theory:neuroinflammation`,
      );
      await page.getByTestId('theory-comparison').getByRole('table').waitFor();
      await waitForGraph(page, { minNodes: 2 });
      await check('compare');

      // The discrimination matrix.
      await page.goto(`${server.url}/?matrix=all`);
      await page.getByTestId('matrix-view').getByRole('table').waitFor();
      await check('matrix');

      expect(problems).toEqual([]);
      await own.close();
    });
  }
});
