/**
 * The analyst's workspace in Chromium: a note, a saved view (with its node positions) and
 * corrections survive a reload, a rebuild of the graph (a graph.json built from a subset of the
 * seeds is served: the app re-imports it, the note and corrections still apply to the nodes that
 * exist, notes of vanished nodes are listed as orphans) and a workspace export → clear → import
 * round trip; a bad workspace file is refused with its zod path and changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WorkspaceFileSchema, type GraphFile, type WorkspaceFile } from '../../src/model';
import { ROOT, launch, shot, startPreview, statusCounts, waitForApp, waitForCanvas, type Browser, type Preview } from './harness';

const full: GraphFile = JSON.parse(readFileSync(join(ROOT, 'dist/data/graph.json'), 'utf8'));
let subset: GraphFile;
let subsetDir: string;
let dir: string;

let preview: Preview;
let browser: Browser;
let page: Page;

/** Chosen from the two graphs: a document in both (note, year, dropped citation) and a policy only in the full one. */
let doc: GraphFile['nodes'][number];
let dropEdge: string;
let vanished: GraphFile['nodes'][number];
const NOTE = '核心文件 <b>不是HTML</b> — 各地普遍引用';
const YEAR = 1999;

const selHash = (id: string) => `#sel=${encodeURIComponent(id.replaceAll('%', '%25').replaceAll('|', '%7C'))}`;

async function renders(): Promise<number> {
  return Number(await page.getByTestId('canvas').getAttribute('data-renders'));
}
async function afterRender(act: () => Promise<unknown>): Promise<void> {
  const before = await renders();
  await act();
  await page.waitForFunction((n) => {
    const c = document.querySelector('[data-testid=canvas]');
    return !!c && Number(c.getAttribute('data-renders')) > n && c.getAttribute('data-busy') === 'false';
  }, before, { timeout: 30_000 });
}
async function goHash(hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
}
async function openWorkspace() {
  if (!(await page.getByTestId('workspace-panel').isVisible().catch(() => false))) await page.getByTestId('workspace-toggle').click();
  await page.getByTestId('workspace-panel').waitFor();
}
async function closeWorkspace() {
  if (await page.getByTestId('workspace-panel').isVisible().catch(() => false)) await page.getByTestId('workspace-toggle').click();
}
async function download(act: () => Promise<unknown>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), act()]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}
/** Centres of the node shapes in an exported SVG (ellipses and rectangles). */
function svgCentres(svg: string): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const unesc = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of svg.matchAll(/<ellipse cx="([-\d.]+)" cy="([-\d.]+)"[^>]*data-id="([^"]*)"/g)) out.set(unesc(m[3]), { x: +m[1], y: +m[2] });
  for (const m of svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*data-id="([^"]*)"/g))
    out.set(unesc(m[5]), { x: +m[1] + +m[3] / 2, y: +m[2] + +m[4] / 2 });
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ple-ws-'));
  // The rebuild: the seeds less two files, built by the real CLI.
  const input = join(dir, 'seeds');
  mkdirSync(input);
  const seeds = readdirSync(join(ROOT, 'seeds')).sort();
  for (const f of seeds.slice(0, 3)) copyFileSync(join(ROOT, 'seeds', f), join(input, f));
  subsetDir = join(dir, 'out');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-graph.ts'), '--input', input, '--out', join(subsetDir, 'graph.json'), '--quiet'], { cwd: ROOT, stdio: 'pipe' });
  subset = JSON.parse(readFileSync(join(subsetDir, 'graph.json'), 'utf8'));

  const inSubset = new Set(subset.nodes.map((n) => n.id));
  const subsetEdges = new Set(subset.edges.map((e) => e.id));
  // A cited document of both graphs, with a citation present in both.
  const citedBoth = full.edges.filter((e) => e.type === 'cites' && subsetEdges.has(e.id) && full.nodes.find((n) => n.id === e.target)?.type === 'document');
  dropEdge = citedBoth[0].id;
  doc = full.nodes.find((n) => n.id === citedBoth[0].target)!;
  vanished = full.nodes.find((n) => n.type === 'policy' && !inSubset.has(n.id))!;
  expect(doc && vanished).toBeTruthy();

  preview = await startPreview();
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('workspace', () => {
  let viewPositions: Record<string, { x: number; y: number }>;

  it('a note with tags, corrections and a saved view are made in the UI', async () => {
    await page.goto(preview.url + selHash(doc.id));
    await waitForApp(page);
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(doc.label);

    // Note and tags.
    await page.getByTestId('note-text').fill(NOTE);
    await page.getByTestId('note-tags').fill('national, 督导');
    await page.getByTestId('note-save').click();
    await page.getByTestId('note-saved').waitFor();

    // Set the year, drop a citation: the graph is re-read with them and the node shows as corrected.
    await page.getByTestId('corr-year').fill(String(YEAR));
    // The status bar says the correction is being applied while the graph is rebuilt, then not.
    await page.evaluate(() => {
      const w = window as unknown as { __applying: string[] };
      w.__applying = [];
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid=corr-applying]')?.textContent;
        if (t) w.__applying.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await afterRender(() => page.getByTestId('corr-year-apply').click());
    await page.getByTestId('corrected-badge').waitFor();
    const applying = await page.evaluate(() => (window as unknown as { __applying: string[] }).__applying);
    expect(applying.length).toBeGreaterThan(0);
    expect(applying[0]).toMatch(/^正在应用修正：重建图 \d+%$/);
    await expect.poll(() => page.getByTestId('corr-applying').count()).toBe(0);
    await expect.poll(() => page.getByTestId('attributes').innerText()).toContain(String(YEAR));
    const edgesBefore = (await statusCounts(page)).visibleEdges;
    await afterRender(() => page.locator(`[data-testid=drop-citation][data-edge="${dropEdge}"]`).click());
    expect((await statusCounts(page)).visibleEdges).toBe(edgesBefore - 1);
    expect(await page.locator(`[data-testid=drop-citation][data-edge="${dropEdge}"]`).count()).toBe(0);
    await page.getByTestId('node-corrections').scrollIntoViewIfNeeded();
    await shot(page, 'workspace-00-detail');

    // A note on a node that the rebuild will drop.
    await afterRender(() => goHash(selHash(vanished.id)));
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(vanished.label);
    await page.getByTestId('note-text').fill('这份文件将在重建后消失');
    await page.getByTestId('note-save').click();
    await page.getByTestId('note-saved').waitFor();

    // A saved view: the year-2020 filter with its layout.
    await afterRender(() => goHash('#y=2020-2020'));
    await openWorkspace();
    await page.getByTestId('view-name').fill('大连 2020');
    await page.getByTestId('save-view').click();
    await expect.poll(() => page.getByTestId('saved-views').innerText()).toContain('大连 2020');
    await expect.poll(() => page.getByTestId('corrections-list').locator('li[data-status=applied]').count()).toBe(2);
    await shot(page, 'workspace-01-panel');
    await closeWorkspace();
  });

  it('survives a reload', async () => {
    await page.goto(preview.url + selHash(doc.id));
    await page.reload();
    await waitForApp(page);
    expect(await page.evaluate(() => document.documentElement.dataset.bootStatus)).toBe('unchanged');
    await expect.poll(() => page.getByTestId('note-text').inputValue()).toBe(NOTE);
    expect(await page.getByTestId('note-tags').inputValue()).toBe('national, 督导');
    await page.getByTestId('corrected-badge').waitFor();
    await expect.poll(() => page.getByTestId('attributes').innerText()).toContain(String(YEAR));
    expect(await page.locator(`[data-testid=drop-citation][data-edge="${dropEdge}"]`).count()).toBe(0);
    await openWorkspace();
    await expect.poll(() => page.getByTestId('saved-views').innerText()).toContain('大连 2020');
    await shot(page, 'workspace-02-reloaded');
  });

  it('a saved view restores its filters and node positions', async () => {
    const file = WorkspaceFileSchema.parse(JSON.parse(readFileSync(await download(() => page.getByTestId('workspace-export').click()), 'utf8')));
    viewPositions = file.views[0].positions!;
    expect(Object.keys(viewPositions).length).toBeGreaterThan(10);
    await afterRender(() => page.getByTestId('open-view').first().click());
    await waitForCanvas(page);
    expect(await page.evaluate(() => location.hash)).toContain('y=2020-2020');
    expect(Number(await page.getByTestId('canvas').getAttribute('data-nodes'))).toBe(Object.keys(viewPositions).length);
    await closeWorkspace();
    // What the canvas draws now, read from an SVG export: every node at its saved place.
    await page.getByTestId('export-menu').click();
    const svg = readFileSync(await download(() => page.getByTestId('export-svg').click()), 'utf8');
    await page.keyboard.press('Escape');
    const centres = svgCentres(svg);
    expect(centres.size).toBeGreaterThan(10);
    for (const [id, c] of centres) {
      expect(viewPositions[id], id).toBeDefined();
      expect(Math.abs(c.x - viewPositions[id].x)).toBeLessThan(0.2);
      expect(Math.abs(c.y - viewPositions[id].y)).toBeLessThan(0.2);
    }
  });

  it('survives a rebuild: re-imported, corrections re-applied, notes of vanished nodes listed as orphans', async () => {
    await page.route('**/data/graph.json', (r) => r.fulfill({ path: join(subsetDir, 'graph.json'), contentType: 'application/json' }));
    await page.route('**/data/extractions.json', (r) => r.fulfill({ path: join(subsetDir, 'extractions.json'), contentType: 'application/json' }));
    // A rebuild writes the manifest too (src/model/manifest): the app reads it before the graph.
    await page.route('**/data/manifest.json', (r) => r.fulfill({ path: join(subsetDir, 'manifest.json'), contentType: 'application/json' }));
    await page.goto(preview.url + selHash(doc.id));
    await page.reload();
    await waitForApp(page);
    expect(await page.evaluate(() => document.documentElement.dataset.bootStatus)).toBe('imported');
    await goHash(selHash(doc.id));
    const counts = await statusCounts(page);
    expect(counts.visibleNodes + counts.hiddenNodes).toBe(subset.nodes.length);
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(doc.label);
    await expect.poll(() => page.getByTestId('note-text').inputValue()).toBe(NOTE);
    await page.getByTestId('corrected-badge').waitFor();
    await expect.poll(() => page.getByTestId('attributes').innerText()).toContain(String(YEAR));
    expect(await page.locator(`[data-testid=drop-citation][data-edge="${dropEdge}"]`).count()).toBe(0);
    await openWorkspace();
    const orphans = page.getByTestId('orphan-notes');
    await expect.poll(() => orphans.innerText()).toContain(vanished.label);
    expect(await orphans.locator('li').count()).toBe(1);
    expect(await page.getByTestId('notes-list').innerText()).toContain(NOTE);
    await shot(page, 'workspace-03-after-rebuild');
  });

  it('survives a workspace export → clear → import round trip; a bad file is refused with its path', async () => {
    const exported = readFileSync(await download(() => page.getByTestId('workspace-export').click()), 'utf8');
    const before: WorkspaceFile = WorkspaceFileSchema.parse(JSON.parse(exported));
    expect(before.notes.length).toBe(2);
    expect(before.corrections.map((c) => c.kind).sort()).toEqual(['drop-edge', 'set-year']);

    await afterRender(() => page.getByTestId('workspace-clear').click());
    await expect.poll(() => page.getByTestId('corrections-list').count()).toBe(0);
    expect(await page.getByTestId('orphan-notes').count()).toBe(0);
    await closeWorkspace();
    expect(await page.getByTestId('corrected-badge').count()).toBe(0);
    await expect.poll(() => page.getByTestId('note-text').inputValue()).toBe('');

    // A bad file: a correction with an unknown kind. Refused, nothing changes.
    await openWorkspace();
    const bad = JSON.parse(exported);
    bad.corrections[1].kind = 'rename';
    await page.getByTestId('workspace-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect.poll(() => page.getByTestId('workspace-message').innerText()).toContain('corrections.1.kind');
    await shot(page, 'workspace-04-refused');
    expect(await page.getByTestId('notes-list').count()).toBe(0);
    expect(await page.getByTestId('saved-views').count()).toBe(0);

    await afterRender(() => page.getByTestId('workspace-import').setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(exported) }));
    await expect.poll(() => page.getByTestId('corrections-list').locator('li[data-status=applied]').count()).toBe(2);
    expect(await page.getByTestId('saved-views').innerText()).toContain('大连 2020');
    expect(await page.getByTestId('orphan-notes').innerText()).toContain(vanished.label);
    await closeWorkspace();
    await page.getByTestId('corrected-badge').waitFor();
    await expect.poll(() => page.getByTestId('note-text').inputValue()).toBe(NOTE);
    const after = WorkspaceFileSchema.parse(JSON.parse(readFileSync(await download(async () => { await openWorkspace(); await page.getByTestId('workspace-export').click(); }), 'utf8')));
    const strip = (w: WorkspaceFile) => ({ ...w, exportedAt: undefined });
    expect(strip(after)).toEqual(strip(before));

    // Imported with "replace": only what the file holds is left (one note, nothing else) …
    const one: WorkspaceFile = { ...before, notes: [before.notes[0]], views: [], corrections: [] };
    await page.getByTestId('workspace-import-replace').check();
    await afterRender(() => page.getByTestId('workspace-import').setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(one)) }));
    await expect.poll(() => page.getByTestId('corrections-list').count()).toBe(0);
    expect(await page.getByTestId('saved-views').count()).toBe(0);
    const replaced = WorkspaceFileSchema.parse(JSON.parse(readFileSync(await download(() => page.getByTestId('workspace-export').click()), 'utf8')));
    expect(replaced.notes).toEqual(one.notes);
    // … and merged (the default) the full file brings the rest back.
    await page.getByTestId('workspace-import-replace').uncheck();
    await afterRender(() => page.getByTestId('workspace-import').setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(exported) }));
    await expect.poll(() => page.getByTestId('corrections-list').locator('li[data-status=applied]').count()).toBe(2);
    const merged = WorkspaceFileSchema.parse(JSON.parse(readFileSync(await download(() => page.getByTestId('workspace-export').click()), 'utf8')));
    expect(strip(merged)).toEqual(strip(before));
  });
});

describe('corrections made in the detail panel', () => {
  const node = (id: string) => subset.nodes.find((n) => n.id === id)!;

  it('add a missing citation with evidence selected in the source text', async () => {
    await closeWorkspace();
    // A task of the rebuilt graph and a document it does not cite yet.
    const task = subset.nodes.find((n) => n.type === 'task' && n.text.length > 40 && !subset.edges.some((e) => e.source === n.id && e.type === 'cites'))! as Extract<GraphFile['nodes'][number], { type: 'task' }>;
    const target = subset.nodes.find((n) => n.type === 'document' && n.label.length > 6 && !subset.edges.some((e) => e.source === task.id && e.target === n.id))!;
    await afterRender(() => goHash(selHash(task.id)));
    await page.getByTestId('corr-add-open').click();
    await page.getByTestId('corr-target').fill(target.label.slice(0, 6));
    await page.getByTestId('corr-add').locator(`button[data-id="${target.id}"]`).click();
    await page.getByTestId('corr-target-picked').waitFor();
    await page.getByTestId('corr-open-text').click();
    const pre = page.getByTestId('source-text').locator('pre');
    await pre.waitFor();
    // The analyst selects the task's first sentence-worth of text (12 characters from its start).
    const want = task.text.slice(0, 12);
    await pre.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(w);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + w.length);
        const sel = getSelection()!;
        sel.removeAllRanges();
        sel.addRange(r);
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error('text not found');
    }, want);
    await expect.poll(() => page.getByTestId('corr-evidence').innerText()).toBe(want);
    await shot(page, 'workspace-05-add-citation');
    await afterRender(() => page.getByTestId('corr-add-apply').click());
    const row = page.getByTestId('corr-citations').locator('li', { hasText: target.label });
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('corrected');
    // The stored evidence points at the selected text of the task's source.
    await openWorkspace();
    const file = WorkspaceFileSchema.parse(JSON.parse(readFileSync(await download(() => page.getByTestId('workspace-export').click()), 'utf8')));
    const added = file.corrections.find((c) => c.kind === 'add-citation')!;
    expect(added).toMatchObject({ source: task.id, target: target.id, evidence: { sourceId: task.sourceId } });
    const text = readFileSync(join(ROOT, 'dist/data/texts', `${task.sourceId}.txt`), 'utf8');
    if (added.kind !== 'add-citation') throw new Error('unreachable');
    expect(text.slice(added.evidence.start, added.evidence.end)).toBe(want);
    expect(text.slice(added.evidence.quoteStart, added.evidence.quoteStart + added.evidence.quote.length)).toBe(added.evidence.quote);
    await closeWorkspace();
  });

  it('merge two selected nodes, then split a document’s citations off to a new node', async () => {
    // Two programmes: the second folds into the first (the one shown).
    const progs = subset.nodes.filter((n) => n.type === 'program').slice(0, 2);
    const total = async () => {
      const c = await statusCounts(page);
      return c.visibleNodes + c.hiddenNodes;
    };
    const n0 = await total();
    await afterRender(() => goHash(`#sel=${encodeURIComponent(progs[1].id)}|${encodeURIComponent(progs[0].id)}`));
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(progs[0].label);
    await afterRender(() => page.getByTestId('corr-merge').click());
    expect(await total()).toBe(n0 - 1);
    await page.getByTestId('corrected-badge').waitFor();
    await expect.poll(() => page.getByTestId('attributes').innerText()).toContain(progs[1].label); // now an alias

    // Split: a programme mentioned by at least two tasks; one mention moves to a new node.
    const cited = subset.nodes.find((n) => n.type === 'program' && !progs.includes(n) && subset.edges.filter((e) => e.type === 'mentions' && e.target === n.id).length >= 2)!;
    const moving = subset.edges.find((e) => e.type === 'mentions' && e.target === cited.id)!;
    await afterRender(() => goHash(selHash(cited.id)));
    await page.getByTestId('corr-split-open').click();
    await page.getByTestId('corr-split-label').fill(`${node(cited.id).label}(另一文件)`);
    await page.getByTestId('corr-split').locator(`input[data-edge="${moving.id}"]`).check();
    const updates = () => page.evaluate(() => performance.getEntriesByName('ple:search-index-updated').length);
    const updatesBefore = await updates();
    await afterRender(() => page.getByTestId('corr-split-apply').click());
    expect(await total()).toBe(n0);
    // The search index followed the correction by re-indexing the few nodes it touched, not the graph.
    await expect.poll(updates).toBe(updatesBefore + 1);
    const updated = await page.evaluate(() => (performance.getEntriesByName('ple:search-index-updated').at(-1) as PerformanceMark | undefined)?.detail as { changed: number; removed: number } | undefined);
    expect(updated?.changed).toBeGreaterThan(0);
    expect(updated!.changed + updated!.removed).toBeLessThan(subset.nodes.length / 4);
    await page.getByTestId('search-input').fill('另一文件');
    await expect.poll(() => page.getByTestId('search-results').locator('li[data-id]').first().innerText(), { timeout: 10_000 }).toContain('另一文件');
    await page.getByTestId('search-input').fill('');
    // The moved mention is no longer the programme's: the split form lists one edge fewer.
    await page.getByTestId('corr-split-open').click();
    expect(await page.getByTestId('corr-split').locator(`input[data-edge="${moving.id}"]`).count()).toBe(0);
    await page.getByTestId('corr-split-open').click();
    await openWorkspace();
    await expect.poll(() => page.getByTestId('corrections-list').locator('li[data-status=applied]').count()).toBe(5);
    await shot(page, 'workspace-06-corrections');
    // Removing the split brings the citation back.
    await afterRender(() => page.getByTestId('corrections-list').locator('li[data-kind=split]').getByTestId('remove-correction').click());
    await closeWorkspace();
    expect(await total()).toBe(n0 - 1);
    await page.getByTestId('corr-split-open').click();
    await expect.poll(() => page.getByTestId('corr-split').locator(`input[data-edge="${moving.id}"]`).count()).toBe(1);
  });
});

describe('two tabs across a schema upgrade', () => {
  it('when another tab opens a newer database version, this tab closes its connection and shows the reload banner', async () => {
    await closeWorkspace();
    expect(await page.getByText('数据库已在另一个标签页中升级').count()).toBe(0);
    const other = await browser.context.newPage();
    await other.goto(preview.url + 'favicon.svg'); // same origin, without the app
    // The other tab upgrades: this succeeds only if the app's connection closes on versionchange.
    const upgraded = await other.evaluate(
      () =>
        new Promise<number>((res, rej) => {
          const req = indexedDB.open('policy-lineage', 1000);
          req.onblocked = () => rej(new Error('blocked: the app kept its connection open'));
          req.onerror = () => rej(req.error);
          req.onsuccess = () => {
            const v = req.result.version;
            req.result.close();
            res(v);
          };
        }),
    );
    expect(upgraded).toBe(1000);
    await page.getByText('数据库已在另一个标签页中升级').waitFor();
    await shot(page, 'workspace-07-upgrade-banner');
    await other.close();
  });
});
