/**
 * Target (a): the seeded first screen, interactive within 1.5 s of navigation. Each run is a cold
 * navigation (a new browser context: empty HTTP cache, no compiled-code cache) to the explorer's `/`
 * against an already warm server. "Interactive" is the later of: the laid-out map drawn, and the end
 * of the main thread's busy stretch around it (long tasks), i.e. when a key or click would be handled
 * at once. To check that, the moment the map is drawn the benchmark types "fog" into the search box,
 * as an impatient reader would, and the page records how long the key waited and when the hits
 * appeared.
 */
import type { Browser } from 'playwright-core';
import {
  mainThreadFreeAt,
  openProbedPage,
  readProbes,
  waitForDrawnLayout,
  type ProbeRecord,
} from './web-probes.ts';

/** The target: navigation start to interactive. */
export const FIRST_SCREEN_TARGET_MS = 1500;

/** Long tasks closer together than this count as one busy stretch (Lighthouse uses 5 s; one screen needs less). */
export const QUIET_WINDOW_MS = 500;

/** What the search box is given: a word of the seed ("Brain fog"). */
const SEARCH_TEXT = 'fog';

/** One cold navigation's milestones, in milliseconds since navigation start. */
export interface FirstScreenRun {
  readonly nodes: number;
  readonly claims: number;
  readonly firstContentfulPaint: number | null;
  /** The canvas first held the non-empty scene (data fetched, React committed). */
  readonly sceneCommitted: number | null;
  /** The `fibrograph:layout-done` mark of that scene. */
  readonly layoutDone: number;
  /** The first Cytoscape redraw after that layout finished. */
  readonly drawn: number | null;
  /** End of the busy stretch (long tasks) that the layout falls in. */
  readonly mainThreadFree: number;
  /** The first typed key (sent once the map was drawn): when the browser stamped it, and when the page handled it. */
  readonly keySent: number | null;
  readonly keyHandled: number | null;
  /** The first search hit in the listbox (includes the box's 150 ms debounce and the request). */
  readonly hitsShown: number | null;
  /** The later of `drawn` and `mainThreadFree`. */
  readonly interactive: number;
  /** Long tasks up to `interactive`: how many and how long in all. */
  readonly longTasks: number;
  readonly longTaskMs: number;
  readonly errors: readonly string[];
}

/** Options for `measureFirstScreen`. */
export interface FirstScreenOptions {
  readonly url: string;
  readonly runs: number;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly log: (line: string) => void;
}

/** One uncounted navigation (warms the server and the browser), then `runs` cold ones. */
export async function measureFirstScreen(
  browser: Browser,
  options: FirstScreenOptions,
): Promise<FirstScreenRun[]> {
  await coldNavigation(browser, options);
  const runs: FirstScreenRun[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const run = await coldNavigation(browser, options);
    options.log(
      `first screen ${index + 1}/${options.runs}: layout done ${Math.round(run.layoutDone)} ms, interactive ${Math.round(run.interactive)} ms`,
    );
    runs.push(run);
  }
  return runs;
}

async function coldNavigation(browser: Browser, options: FirstScreenOptions): Promise<FirstScreenRun> {
  const { context, page, pageErrors } = await openProbedPage(browser, options.viewport, options.url);
  try {
    await waitForDrawnLayout(page, 30_000);
    await page.focus('#main-search');
    await page.keyboard.type(SEARCH_TEXT);
    await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 15_000 });
    // Wait out a quiet window after the busy stretch, so every long task in it has been reported.
    for (;;) {
      const { record, now } = await page.evaluate(() => ({
        record: (window as unknown as { __webBench: ProbeRecord }).__webBench,
        now: performance.now(),
      }));
      const wait =
        mainThreadFreeAt(record.longTasks, sceneLayout(record).at, QUIET_WINDOW_MS) + QUIET_WINDOW_MS - now;
      if (wait <= 0) break;
      await page.waitForTimeout(wait + 20);
    }
    const record = await readProbes(page);
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null,
    );
    return firstScreenRun(record, paint, pageErrors);
  } finally {
    await context.close();
  }
}

/** The first layout of a non-empty scene (the app also lays out the empty canvas it starts with). */
function sceneLayout(record: ProbeRecord): ProbeRecord['layouts'][number] {
  const layout = record.layouts.find((entry) => entry.nodes > 0);
  if (layout === undefined) throw new Error('no layout of a non-empty scene was recorded');
  return layout;
}

function firstScreenRun(
  record: ProbeRecord,
  firstContentfulPaint: number | null,
  pageErrors: readonly string[],
): FirstScreenRun {
  const layout = sceneLayout(record);
  const mainThreadFree = mainThreadFreeAt(record.longTasks, layout.at, QUIET_WINDOW_MS);
  const firstKey = record.keydowns[0];
  const interactive = Math.max(layout.drawnAt ?? layout.at, mainThreadFree);
  const before = record.longTasks.filter((task) => task.start < interactive);
  return {
    nodes: layout.nodes,
    claims: layout.claims,
    firstContentfulPaint,
    sceneCommitted: record.sceneCommittedAt,
    layoutDone: layout.at,
    drawn: layout.drawnAt,
    mainThreadFree,
    keySent: firstKey?.timeStamp ?? null,
    keyHandled: firstKey?.handledAt ?? null,
    hitsShown: record.firstOptionAt,
    interactive,
    longTasks: before.length,
    longTaskMs: before.reduce((sum, task) => sum + task.duration, 0),
    errors: [...record.errors, ...pageErrors],
  };
}
