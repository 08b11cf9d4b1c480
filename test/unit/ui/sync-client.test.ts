/**
 * The sync worker's protocol and the client's fallback, in Node: a stand-in worker runs the
 * worker's own `serveSync` in-process on fake-indexeddb and passes every message through
 * structuredClone, as postMessage would (a promise or a class instance in a message would fail).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { describeStorageError, getText, loadGraphRows, syncGraph, type ImportProgress, type SyncOptions } from '../../../src/store';
import type { GraphFile } from '../../../src/model';
import { syncInBackground, type SyncHost, type SyncWorkerLike } from '../../../src/ui/state/sync-client';
import { errorFromData, errorToData, type SyncRequest, type SyncResponse, type TextsGo } from '../../../src/ui/state/sync-protocol';
import { serveSync } from '../../../src/ui/state/sync.worker';
import { freshDbs } from '../../support/db';
import { fixtureServer as fakeServer } from '../../support/fixture-server';

const FIXTURE_DIR = join(__dirname, '../../fixtures/ui');
const fixtureBytes = readFileSync(join(FIXTURE_DIR, 'graph.json'));
const fixture = (): GraphFile => JSON.parse(fixtureBytes.toString('utf8'));
const fixtureText = (id: string) => readFileSync(join(FIXTURE_DIR, 'texts', `${id}.txt`), 'utf8');

const freshDb = freshDbs('sync-client');


/** An in-process worker: says 'ready' as the module does on load, then serves one request. */
class InProcessWorker implements SyncWorkerLike {
  onmessage: ((ev: MessageEvent<SyncResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  terminated = false;
  readonly received: SyncResponse[] = [];
  constructor(private readonly fetch: typeof globalThis.fetch) {
    setTimeout(() => this.deliver({ kind: 'ready' }));
  }
  private deliver(m: SyncResponse) {
    if (this.terminated) return;
    const copy = structuredClone(m);
    this.received.push(copy);
    this.onmessage?.({ data: copy } as MessageEvent<SyncResponse>);
  }
  private go: () => void = () => {};
  private readonly textsGo = new Promise<void>((ok) => (this.go = ok));
  postMessage(req: SyncRequest | TextsGo) {
    const copy = structuredClone(req);
    if (copy.kind === 'texts-go') return void setTimeout(() => this.go());
    setTimeout(() => void serveSync(copy, (m) => setTimeout(() => this.deliver(m)), { fetch: this.fetch, textsGo: this.textsGo }));
  }
  terminate() {
    this.terminated = true;
  }
}

/** A worker that fails with an error event, before it listens or after its first message. */
class FailingWorker implements SyncWorkerLike {
  onmessage: ((ev: MessageEvent<SyncResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent | Event) => void) | null = null;
  terminated = false;
  constructor(private readonly afterReady: boolean) {}
  postMessage() {
    setTimeout(() => {
      if (this.afterReady) this.onmessage?.({ data: { kind: 'ready' } } as MessageEvent<SyncResponse>);
      this.onerror?.({ message: 'boom', preventDefault() {} } as unknown as ErrorEvent);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('syncInBackground through the worker protocol', () => {
  it('imports on the first visit in the worker with progress, then finds the graph unchanged', async () => {
    const db = await freshDb();
    const server = fakeServer();
    const hosts: SyncHost[] = [];
    const progress: ImportProgress[] = [];
    let worker: InProcessWorker | null = null;
    const mainThread = vi.fn(syncGraph);
    const opts = {
      createWorker: () => (worker = new InProcessWorker(server.fetch)),
      syncOnMainThread: mainThread,
      onHost: (h: SyncHost) => hosts.push(h),
      onProgress: (p: ImportProgress) => progress.push(p),
      deferTexts: false,
    };
    const first = await syncInBackground(db, opts);
    expect(first.status).toBe('imported');
    expect(first.import?.nodes).toBe(fixture().nodes.length);
    expect(first.texts).toBeUndefined();
    expect(hosts).toEqual(['worker']);
    expect(mainThread).not.toHaveBeenCalled();
    // A relative URL is resolved before it reaches the worker, whose own base is its script.
    expect(server.requests.every((u) => /^https?:\/\//.test(u))).toBe(true);
    const phases = new Set(progress.map((p) => p.phase));
    expect(phases.has('validate')).toBe(true);
    expect(phases.has('write')).toBe(true);
    const lastWrite = progress.filter((p) => p.phase === 'write').at(-1)!;
    expect(lastWrite.done).toBe(lastWrite.total);
    expect(worker!.terminated).toBe(true);
    // The page's own connection reads what the worker's connection wrote.
    const rows = await loadGraphRows(db);
    expect(rows.nodes.map((n) => n.id).sort()).toEqual(fixture().nodes.map((n) => n.id).sort());
    expect(rows.edges.length).toBe(fixture().edges.length);

    const second = await syncInBackground(db, opts);
    expect(second.status).toBe('unchanged');
  });

  it('with deferred texts the result comes first and its texts promise settles when the worker reports the fill', async () => {
    const db = await freshDb();
    const server = fakeServer();
    let worker: InProcessWorker | null = null;
    const res = await syncInBackground(db, { createWorker: () => (worker = new InProcessWorker(server.fetch)), deferTexts: true });
    expect(res.status).toBe('imported');
    expect(res.import?.textsDeferred).toBe(true);
    expect(res.texts).toBeInstanceOf(Promise);
    const texts = await res.texts!;
    const sourceIds = fixture().sources.map((s) => s.id);
    expect(texts.stored + texts.missing.length).toBe(sourceIds.length);
    expect(texts.error).toBeUndefined();
    expect(worker!.received.at(-1)?.kind).toBe('texts');
    expect(worker!.terminated).toBe(true);
    for (const id of sourceIds.filter((s) => !texts.missing.includes(s))) expect(await getText(db, id)).toBe(fixtureText(id));
  });

  it('waits for textsAfter before fetching deferred texts (the graph is shown first)', async () => {
    const db = await freshDb();
    const server = fakeServer();
    let release: () => void = () => {};
    const textsAfter = new Promise<void>((ok) => (release = ok));
    const res = await syncInBackground(db, { createWorker: () => new InProcessWorker(server.fetch), deferTexts: true, textsAfter });
    expect(res.status).toBe('imported');
    await new Promise((ok) => setTimeout(ok, 50));
    expect(server.requests.some((u) => u.includes('/texts/'))).toBe(false);
    release();
    const texts = await res.texts!;
    expect(texts.stored).toBeGreaterThan(0);
    expect(server.requests.some((u) => u.includes('/texts/'))).toBe(true);
  });

  it('offline with nothing stored says unavailable, from the worker', async () => {
    const db = await freshDb();
    const res = await syncInBackground(db, { createWorker: () => new InProcessWorker(fakeServer(() => null).fetch) });
    expect(res.status).toBe('unavailable');
    expect(res.fetchError).toMatch(/fetch/i);
  });

  it('a graph that does not validate rejects with an error described as invalid-graph', async () => {
    const db = await freshDb();
    const bad = new TextEncoder().encode(JSON.stringify({ ...fixture(), nodes: [{ id: 42 }] }));
    const err = await syncInBackground(db, { createWorker: () => new InProcessWorker(fakeServer(() => bad).fetch) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('GraphValidationError');
    expect(describeStorageError(err).kind).toBe('invalid-graph');
  });

  it('a quota error in the worker\'s write comes back as quota and nothing is half-written', async () => {
    const db = await freshDb();
    let writes = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'graphChunks' && ++writes > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    // The nodes fill the first chunk written, the edges' chunk fails (as in test/e2e/storage-errors).
    const err = await syncInBackground(db, { createWorker: () => new InProcessWorker(fakeServer().fetch), deferTexts: true }).catch((e: unknown) => e);
    expect(writes).toBeGreaterThan(1);
    expect(describeStorageError(err).kind).toBe('quota');
    vi.restoreAllMocks();
    expect(await db.graphChunks.count()).toBe(0);
  });
});

describe('fallback to the main thread', () => {
  const mainThreadSync = (fetch: typeof globalThis.fetch) => vi.fn((db: Parameters<typeof syncGraph>[0], o: SyncOptions) => syncGraph(db, { ...o, fetch }));

  it('runs syncGraph on the main thread when no worker can be made', async () => {
    for (const createWorker of [() => null, () => { throw new DOMException('blocked', 'SecurityError'); }]) {
      const db = await freshDb();
      const hosts: SyncHost[] = [];
      const sync = mainThreadSync(fakeServer().fetch);
      const res = await syncInBackground(db, { createWorker, syncOnMainThread: sync, onHost: (h) => hosts.push(h) });
      expect(res.status).toBe('imported');
      expect(hosts).toEqual(['main']);
      expect(sync).toHaveBeenCalledTimes(1);
      expect((await loadGraphRows(db)).nodes.length).toBe(fixture().nodes.length);
    }
  });

  it('runs it on the main thread when the worker fails before it listens', async () => {
    const db = await freshDb();
    const worker = new FailingWorker(false);
    const sync = mainThreadSync(fakeServer().fetch);
    const res = await syncInBackground(db, { createWorker: () => worker, syncOnMainThread: sync });
    expect(res.status).toBe('imported');
    expect(sync).toHaveBeenCalledTimes(1);
    expect(worker.terminated).toBe(true);
  });

  it('does not retry on the main thread when the worker fails after it started', async () => {
    const db = await freshDb();
    const sync = mainThreadSync(fakeServer().fetch);
    const err = await syncInBackground(db, { createWorker: () => new FailingWorker(true), syncOnMainThread: sync }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('SyncWorkerError');
    expect((err as Error).message).toContain('boom');
    expect(sync).not.toHaveBeenCalled();
  });
});

describe('errors as data', () => {
  it('keeps what describeStorageError classifies by: names, messages and the wrapped chain', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const dexieAbort = new Dexie.AbortError('Transaction aborted', quota);
    const bulk = new Dexie.BulkError('1 of 3 operations failed', [new Error('x'), quota]);
    const version = new Dexie.VersionError('newer database');
    for (const err of [quota, dexieAbort, bulk, version, new SyntaxError('Unexpected token'), 'a string', null]) {
      const back = errorFromData(structuredClone(errorToData(err)));
      expect(describeStorageError(back).kind).toBe(describeStorageError(err).kind);
    }
    expect(describeStorageError(errorFromData(errorToData(dexieAbort))).kind).toBe('quota');
    expect(errorFromData(errorToData(dexieAbort)).name).toBe('AbortError');
  });

  it('stops on a cyclic chain', () => {
    const a = new Error('a') as Error & { inner?: unknown };
    const b = new Error('b') as Error & { inner?: unknown };
    a.inner = b;
    b.inner = a;
    const data = errorToData(a);
    let depth = 0;
    for (let d: typeof data | undefined = data; d; d = d.wrapped?.[0]) depth++;
    expect(depth).toBeLessThanOrEqual(9);
  });
});
