/// <reference lib="webworker" />
/**
 * The ingestion worker: extraction, assembly and the database write all happen here, so the
 * page's main thread only reads files and shows progress. It opens its own connection to the
 * app's database (same schema version), and jobs run one at a time in arrival order.
 */
import './zod-setup';
import { openDb, reassembleStored, removeUserSources, restoreUserSources, type PolicyDB } from '../store';
import { assemble, ingestFiles } from './run';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);
const cancelled = new Set<number>();
const dbs = new Map<string, Promise<PolicyDB>>();
let queue: Promise<void> = Promise.resolve();

function dbNamed(name: string): Promise<PolicyDB> {
  let db = dbs.get(name);
  if (!db) {
    // If another tab upgrades the schema, drop this connection; the next job reopens it.
    db = openDb({ name, onVersionChange: () => dbs.delete(name) });
    dbs.set(name, db);
  }
  return db;
}

async function run(req: Exclude<WorkerRequest, { kind: 'cancel' }>): Promise<void> {
  const job = req.job;
  const t0 = performance.now();
  try {
    if (req.kind === 'assemble') {
      post({ kind: 'assembled', job, graph: assemble(req.sources, req.extractions) });
      return;
    }
    const db = await dbNamed(req.dbName);
    if (req.kind === 'ingest') {
      const summary = await ingestFiles(
        db,
        req.files.map((f) => ({ path: f.path, bytes: f.data })),
        {
          isCancelled: () => cancelled.has(job),
          onProgress: (progress) => post({ kind: 'progress', job, progress }),
          onFile: (report) => post({ kind: 'file', job, report }),
        },
      );
      post({ kind: 'done', job, summary });
    } else {
      const asm = (s: Parameters<typeof assemble>[0], x: Parameters<typeof assemble>[1]) => assemble(s, x);
      const graph =
        req.kind === 'remove'
          ? await removeUserSources(db, req.sourceIds, asm)
          : req.kind === 'reassemble'
            ? await reassembleStored(db, asm)
            : (await restoreUserSources(db, req.userSources, asm, { replace: req.replace }), null);
      const ms = performance.now() - t0;
      post({
        kind: 'done',
        job,
        summary: { status: 'done', reports: [], added: 0, nodes: graph?.nodes.length ?? 0, edges: graph?.edges.length ?? 0, ms: { extract: 0, assemble: 0, write: 0, total: ms } },
      });
    }
  } catch (e) {
    post({ kind: 'error', job, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
  } finally {
    cancelled.delete(job);
  }
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  if (req.kind === 'cancel') {
    cancelled.add(req.job);
    return;
  }
  queue = queue.then(() => run(req));
};
