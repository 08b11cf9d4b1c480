/**
 * The analysis screens in Chromium: analytics panel (most cited, shortest path), diffusion
 * timeline, programme adoption matrix, full-text search with its CSV, the intent filter, and a
 * fulfilled promise in the detail panel (on a small corpus built from test/fixtures/promises).
 * Expected values are computed here from the served graph file with src/graph, not copied from
 * the UI.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilters } from '../../src/graph/filters';
import { buildGraph } from '../../src/graph/load';
import { shortestPath } from '../../src/graph/paths';
import type { GraphFile } from '../../src/model';
import { toFilterState } from '../../src/ui/state/filters';
import { defaultFilters } from '../../src/ui/state/urlstate';
import { ROOT, instrument, launch, shot, startPreview, statusCounts, waitForApp, waitForCanvas, type Browser, type Preview } from './harness';

const seedFile: GraphFile = JSON.parse(readFileSync(join(ROOT, 'dist/data/graph.json'), 'utf8'));
const seedGraph = buildGraph(seedFile.nodes, seedFile.edges);
const DEYU = 'doc:中小学德育工作指南';
const DUDAO = 'doc:关于深化新时代教育督导体制机制改革的意见';

/** Distinct policies citing a node (through their tasks), read straight from the rows. */
function citingPolicies(file: GraphFile, id: string): Set<string> {
  const policyOf = new Map(file.nodes.filter((n) => n.type === 'task').map((n) => [n.id, (n as { policyId: string }).policyId]));
  return new Set(file.edges.filter((e) => e.type === 'cites' && e.target === id).map((e) => policyOf.get(e.source) ?? e.source));
}

let preview: Preview;
let browser: Browser;
let page: Page;
let seen: Awaited<ReturnType<typeof instrument>>;

async function openTab(p: Page, tab: 'metrics' | 'timeline' | 'matrix' | 'fulltext') {
  if (!(await p.getByTestId('analysis-panel').isVisible().catch(() => false))) await p.getByTestId('open-analysis').click();
  await p.getByTestId(`analysis-tab-${tab}`).click();
}

async function canvasData(p: Page, key: string): Promise<number> {
  return Number(await p.getByTestId('canvas').getAttribute(`data-${key}`));
}

beforeAll(async () => {
  preview = await startPreview();
  browser = await launch();
  seen = await instrument(browser.context);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(preview.url);
  await waitForApp(page);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('analysis on the seeds', () => {
  it('lists the most cited documents with their citing policies; a row selects the node', async () => {
    // The two documents cited from two policies each, checked on the rows themselves.
    expect(citingPolicies(seedFile, DEYU).size).toBe(2);
    expect(citingPolicies(seedFile, DUDAO).size).toBe(2);
    const maxPolicies = Math.max(...seedFile.nodes.map((n) => citingPolicies(seedFile, n.id).size));
    expect(maxPolicies).toBe(2);

    // Long main-thread tasks while the panel opens and the worker answers (printed: machines are noisy).
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
    });
    await openTab(page, 'metrics');
    const rows = page.getByTestId('most-cited').locator('tbody tr');
    await rows.first().waitFor();
    const top = await rows.evaluateAll((trs) => trs.slice(0, 2).map((tr) => ({ id: tr.getAttribute('data-id'), policies: tr.children[3].textContent?.trim() })));
    expect(top.map((r) => r.id).sort()).toEqual([DEYU, DUDAO].sort());
    expect(top.map((r) => r.policies)).toEqual(['2', '2']);
    await page.getByTestId('most-cited').locator(`tr[data-id="${DUDAO}"] button`).click();
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe('关于深化新时代教育督导体制机制改革的意见');
    // PageRank and co-citation come from the worker.
    await page.getByTestId('pagerank').locator('li').first().waitFor();
    await page.getByTestId('cocitation').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('cocitation').innerText()).toContain('中小学德育工作指南');
    await page.getByTestId('mainpath-list').locator('li').first().waitFor();
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    console.log(`[analysis panel on the seeds] long tasks: ${long.length}, longest ${Math.round(Math.max(0, ...long))} ms`);
    await shot(page, 'an-01-metrics');
  });

  it('highlights the shortest path between two picked nodes on the canvas and lists it', async () => {
    await openTab(page, 'metrics');
    const cited = page.getByTestId('most-cited');
    await cited.locator(`tr[data-id="${DEYU}"] button`).click();
    await page.getByTestId('set-path-a').click();
    // B: a policy that cites neither document directly (the path has to go through the graph).
    const far = seedFile.nodes.find((n) => n.type === 'policy' && !citingPolicies(seedFile, DEYU).has(n.id) && !citingPolicies(seedFile, DUDAO).has(n.id))!;
    const expected = shortestPath(seedGraph, DEYU, far.id)!;
    expect(expected.nodes.length).toBeGreaterThan(2);
    await page.evaluate((id) => (location.hash = `#sel=${encodeURIComponent(id)}`), far.id);
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(far.label);
    await page.getByTestId('set-path-b').click();
    const items = page.getByTestId('path-list').locator('li');
    await expect.poll(() => items.count()).toBe(expected.nodes.length);
    expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual(expected.nodes);
    await expect.poll(() => canvasData(page, 'hl-nodes')).toBe(expected.nodes.length);
    expect(await canvasData(page, 'hl-edges')).toBe(expected.edges.length);
    await page.getByTestId('fit').click();
    await page.waitForTimeout(400);
    await shot(page, 'an-02-shortest-path');
    // Clearing the endpoints clears the highlight.
    await page.getByTestId('analysis-panel').getByRole('button', { name: '清除' }).click();
    await expect.poll(() => canvasData(page, 'hl-nodes')).toBe(0);
  });

  it('colours the canvas by community with a legend of sizes', async () => {
    await openTab(page, 'metrics');
    await page.getByTestId('communities-toggle').check();
    await page.getByTestId('community-legend').locator('li').first().waitFor();
    const drawn = await canvasData(page, 'nodes');
    await expect.poll(() => canvasData(page, 'coloured')).toBe(drawn);
    const sizes = await page.getByTestId('community-legend').locator('li .num').allInnerTexts();
    const numbers = sizes.map(Number);
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(seedFile.nodes.length);
    await shot(page, 'an-03-communities');
    await page.getByTestId('communities-toggle').uncheck();
    await expect.poll(() => canvasData(page, 'coloured')).toBe(0);
  });

  it('shows the diffusion timeline of the 督导 意见: 大连 2020 and 随州 2023, lags from the year the analyst sets', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate((id) => (location.hash = `#sel=${encodeURIComponent(id)}`), DUDAO);
    await page.getByTestId('show-timeline').click();
    const chart = page.getByTestId('timeline-chart');
    await chart.waitFor();
    const marks = await chart.locator('g.mark').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-region'), g.getAttribute('data-year'), g.getAttribute('data-kind')]));
    expect(marks).toContainEqual(['大连市', '2020', 'implements']);
    expect(marks).toContainEqual(['随州市', '2023', 'implements']);
    // The document's own year is not in the graph: lags are unknown until the analyst sets it.
    expect(await page.getByTestId('timeline-year-source').innerText()).toContain('年份未知');
    expect(await chart.innerHTML()).toContain('时滞未知');
    await page.getByTestId('timeline-year').fill('2020');
    await page.getByTestId('timeline-year').press('Enter');
    await expect.poll(() => chart.locator('g.mark[data-region="随州市"] text.lag').textContent()).toContain('+3');
    expect(await chart.locator('g.mark[data-region="大连市"] text.lag').textContent()).toContain('+0');
    await shot(page, 'an-04-timeline');
    // A mark selects its citing task.
    await chart.locator('g.mark[data-region="随州市"]').click();
    const task = seedFile.edges.find((e) => e.type === 'cites' && e.target === DUDAO && e.source.startsWith('policy:07109e90d6fa9614'))!;
    const taskNode = seedFile.nodes.find((n) => n.id === task.source)!;
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain(taskNode.id);
  });

  it('the open panel is in the deep link: a new tab shows the same timeline with the year the analyst set', async () => {
    // Left by the test before: the timeline of the 督导 意见 with its year set to 2020.
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    expect(hash).toContain('an=timeline');
    expect(hash).toContain(`and=${DUDAO}`);
    expect(hash).toContain('any=2020');
    const other = await browser.context.newPage();
    await other.goto(page.url());
    await waitForApp(other);
    const chart = other.getByTestId('timeline-chart');
    await chart.waitFor();
    expect(await other.getByTestId('analysis-tab-timeline').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => chart.locator('g.mark[data-region="随州市"] text.lag').textContent()).toContain('+3');
    // Closing the panel takes it out of the link.
    await other.getByTestId('analysis-close').click();
    await expect.poll(() => other.evaluate(() => location.hash)).not.toContain('an=');
    await other.close();
  });

  it('shows 县管校聘 adopted by several regions in the adoption matrix; a cell lists and selects its tasks', async () => {
    await openTab(page, 'matrix');
    const row = page.getByTestId('matrix').locator('tr[data-program="县管校聘"]');
    await row.waitFor();
    const cells = row.locator('button.cell');
    expect(await cells.count()).toBeGreaterThanOrEqual(3);
    // Which tasks mention the programme, per the rows of the graph file.
    const mentioning = new Set(seedFile.edges.filter((e) => e.type === 'mentions' && e.target === 'program:县管校聘').map((e) => e.source));
    await cells.first().click();
    const listed = await page.getByTestId('matrix-tasks').locator('button[data-id]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')!));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(mentioning.has(id)).toBe(true);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain(listed[0]);
    // Sorting by name keeps every programme.
    const before = await page.getByTestId('matrix').locator('tbody tr').count();
    await page.getByTestId('matrix').getByRole('button', { name: '名称' }).first().click();
    expect(await page.getByTestId('matrix').locator('tbody tr').count()).toBe(before);
    await page.getByTestId('matrix-by-year').click();
    await page.getByTestId('matrix').locator('tr[data-program="县管校聘"] button.cell').first().waitFor();
    await page.getByTestId('matrix-by-region').click();
    await shot(page, 'an-05-matrix');
  });

  it('finds 县管校聘 in the tasks of several seeds and exports the sentences as CSV with a BOM', async () => {
    await openTab(page, 'fulltext');
    await page.getByTestId('fulltext-input').fill('县管校聘');
    await page.getByTestId('fulltext-input').press('Enter');
    const hits = page.getByTestId('fulltext-results').locator('li');
    await hits.first().waitFor();
    const n = await hits.count();
    const sources = new Set(await hits.evaluateAll((lis) => lis.map((li) => li.querySelector('.pol')?.textContent)));
    expect(sources.size).toBeGreaterThanOrEqual(3);
    for (const m of await hits.locator('mark').allInnerTexts()) expect(m.replace(/\s/g, '')).toBe('县管校聘');
    // Every task whose text holds the phrase is listed.
    const expectedTasks = seedFile.nodes.filter((t) => t.type === 'task' && (t as { text: string }).text.replace(/\s/g, '').includes('县管校聘'));
    expect(new Set(await hits.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-task')))).size).toBe(expectedTasks.length);
    await shot(page, 'an-06-fulltext');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('fulltext-export').click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(n);
    for (const r of parsed.data) {
      expect(r.sentence.replace(/\s/g, '')).toContain('县管校聘');
      expect(r.phrase).toBe('县管校聘');
      expect(r.policy_title).toBeTruthy();
    }

    // Filtering by region narrows the list to that region.
    const region = (await hits.first().getAttribute('data-region'))!;
    await page.getByTestId('fulltext-region').selectOption(region);
    await expect.poll(async () => new Set(await hits.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-region')))).size).toBe(1);
    await page.getByTestId('fulltext-region').selectOption('');
  });

  it('the intent filter changes the visible edges exactly as the graph filter says', async () => {
    await page.getByTestId('analysis-close').click();
    await page.evaluate(() => (location.hash = ''));
    await waitForCanvas(page);
    const before = await statusCounts(page);
    await page.getByTestId('intent-will_issue').uncheck();
    const ui = { ...defaultFilters(), citeIntents: ['implements', 'revises', 'uses', 'completes', 'other'] as const };
    const expected = applyFilters(seedGraph, toFilterState({ ...ui, citeIntents: [...ui.citeIntents] }, []));
    await expect.poll(async () => (await statusCounts(page)).visibleEdges).toBe(expected.edges.length);
    expect(expected.edges.length).toBeLessThan(before.visibleEdges);
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toContain('intent=implements,revises,uses,completes,other');
    await waitForCanvas(page);
    await shot(page, 'an-07-intent-filter');
    await page.getByTestId('intent-will_issue').check();
    await expect.poll(async () => (await statusCounts(page)).visibleEdges).toBe(before.visibleEdges);
    expect(seen.problems).toEqual([]);
  });
});

describe('promises and their fulfilment (corpus from test/fixtures/promises)', () => {
  let dir: string;
  let file: GraphFile;
  let page2: Page;
  let other: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ple-promises-'));
    const input = join(dir, 'input');
    mkdirSync(input);
    for (const f of readdirSync(join(ROOT, 'test/fixtures/promises'))) copyFileSync(join(ROOT, 'test/fixtures/promises', f), join(input, f));
    // A hostile plan: task sentences that a spreadsheet would run as formulas.
    writeFileSync(
      join(input, 'hostile-2021.txt'),
      '宁波市教育局2021年工作要点\n一、深化教育改革\n1.推进课后服务。=HYPERLINK("http://evil.example","课后服务")全覆盖。\n2.规范课后服务。@SUM(1+1)课后服务收费。\n    宁波市教育局\n2021年2月1日\n',
    );
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-graph.ts'), '--input', input, '--out', join(dir, 'data/graph.json')], { cwd: ROOT, stdio: 'pipe' });
    file = JSON.parse(readFileSync(join(dir, 'data/graph.json'), 'utf8'));
    other = await launch();
    await other.context.route('**/data/graph.json', (r) => r.fulfill({ body: readFileSync(join(dir, 'data/graph.json')), contentType: 'application/json' }));
    await other.context.route('**/data/texts/*.txt', (r) => {
      const name = decodeURIComponent(new URL(r.request().url()).pathname.split('/').pop()!);
      r.fulfill({ body: readFileSync(join(dir, 'data/texts', name)), contentType: 'text/plain; charset=utf-8' });
    });
    await other.context.route('**/data/extractions.json', (r) => r.fulfill({ body: readFileSync(join(dir, 'data/extractions.json')), contentType: 'application/json' }));
    page2 = other.context.pages()[0] ?? (await other.context.newPage());
    await page2.goto(preview.url);
    await waitForApp(page2);
  });

  afterAll(async () => {
    await other?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a fulfilled promise in the detail panel: promised in 2019, kept by the 2020 policy', async () => {
    const fulfils = file.edges.filter((e) => e.type === 'fulfils');
    expect(fulfils.length).toBeGreaterThan(0);
    const keeper = file.nodes.find((n) => n.id === fulfils[0].source)!;
    const promiser = file.nodes.find((n) => n.id === fulfils[0].target)!;
    // The policy that kept the promise.
    await page2.evaluate((id) => (location.hash = `#sel=${encodeURIComponent(id)}`), keeper.id);
    const detail = page2.getByTestId('detail');
    const kept = detail.getByTestId('fulfilment');
    await kept.first().waitFor();
    expect(await kept.first().innerText()).toContain(keeper.label);
    const promises = await detail.getByTestId('promises').innerText();
    expect(promises).toContain('拟出台');
    expect(promises).toContain('2019');
    expect(promises).toContain('2020');
    // Grouped by intent: the promise is a will_issue citation of the keeper.
    expect(await detail.getByTestId('intents-in').locator('[data-intent="will_issue"]').innerText()).toContain(promiser.label.slice(0, 4));
    await shot(page2, 'an-08-promise-kept-policy');
    // The promising task shows the same fulfilment.
    await page2.evaluate((id) => (location.hash = `#sel=${encodeURIComponent(id)}`), promiser.id);
    await expect.poll(() => detail.getByTestId('fulfilment').first().innerText()).toContain(keeper.label);
    // The other promise of the 2019 plan was not kept: shown as such.
    const unkept = file.edges.filter((e) => e.type === 'cites' && e.intent === 'will_issue' && !fulfils.some((f) => f.target === e.source));
    if (unkept.length) {
      await page2.evaluate((id) => (location.hash = `#sel=${encodeURIComponent(id)}`), unkept[0].source);
      await detail.getByTestId('unfulfilled').first().waitFor();
    }
    // The timeline of the promised document: a hollow promise mark and the kept mark.
    await page2.evaluate((id) => (location.hash = `#sel=${encodeURIComponent(id)}`), keeper.id);
    await detail.getByTestId('show-timeline').click();
    const chart = page2.getByTestId('timeline-chart');
    await chart.waitFor();
    expect(await chart.locator('g.mark[data-kind="will_issue"]').count()).toBeGreaterThan(0);
    expect(await chart.locator('g.kept').count()).toBeGreaterThan(0);
    await shot(page2, 'an-09-promise-timeline');
  });

  it('exports full-text matches with formulas neutralised', async () => {
    await openTab(page2, 'fulltext');
    await page2.getByTestId('fulltext-input').fill('课后服务');
    await page2.getByTestId('fulltext-input').press('Enter');
    await page2.getByTestId('fulltext-results').locator('li').first().waitFor();
    const [download] = await Promise.all([page2.waitForEvent('download'), page2.getByTestId('fulltext-export').click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(bytes.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true }).data;
    const sentences = rows.map((r) => r.sentence);
    expect(sentences.some((s) => s.includes('HYPERLINK'))).toBe(true);
    expect(sentences.some((s) => s.includes('@SUM'))).toBe(true);
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@]/);
    expect(sentences.filter((s) => s.startsWith("'=") || s.startsWith("'@")).length).toBeGreaterThanOrEqual(2);
  });
});
