/**
 * State of "add documents": the running job (progress per file and overall, cancel), what became
 * of each file, and the list of stored sources. The work runs in the ingestion worker; when it
 * has written new rows, the view's graph is reloaded through the same path as at start-up.
 */
import type { Source } from '../../model';
import { describeStorageError, getSources } from '../../store';
import type { Explorer } from '../state/explorer.svelte';
import { reloadGraph } from '../state/graph-rows';
import { ingestInWorker, removeInWorker, type FileReport, type IngestJob, type IngestProgress, type IngestSummary } from './client';
import type { Collected } from './collect';

export type IngestStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Exposed on <html> for the browser tests (no behaviour depends on it). */
function mark(key: string, value: string | number): void {
  document.documentElement.dataset[key] = String(value);
}

export class IngestState {
  /** The documents dialog is open. */
  open = $state(false);
  /** Files are being dragged over the window. */
  dragging = $state(false);
  status = $state<IngestStatus>('idle');
  progress = $state<IngestProgress | null>(null);
  /** Files done in the extract phase, and how many there are. */
  filesDone = $state(0);
  filesTotal = $state(0);
  reports = $state<FileReport[]>([]);
  summary = $state.raw<IngestSummary | null>(null);
  error = $state<string | null>(null);
  /** Seconds from the start of the job to the graph shown again. */
  seconds = $state<number | null>(null);
  sources = $state.raw<Source[]>([]);
  /** Source id being removed. */
  removing = $state<string | null>(null);
  private job: IngestJob | null = null;

  constructor(private readonly ex: Explorer) {}

  get running(): boolean {
    return this.status === 'running';
  }

  async loadSources(): Promise<void> {
    if (this.ex.db) this.sources = await getSources(this.ex.db);
  }

  /** Policies per source id, read from the graph on screen. */
  policyCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    this.ex.graph?.forEachNode((_, a) => {
      if (a.type === 'policy') counts.set(a.sourceId, (counts.get(a.sourceId) ?? 0) + 1);
    });
    return counts;
  }

  async start(collected: Collected): Promise<void> {
    const db = this.ex.db;
    if (!db || this.running) return;
    const t0 = performance.now();
    this.status = 'running';
    this.error = null;
    this.summary = null;
    this.seconds = null;
    this.reports = [...collected.skipped];
    this.filesDone = 0;
    this.filesTotal = collected.files.length;
    this.progress = { phase: 'read', done: 0, total: collected.files.length };
    mark('ingestStatus', 'running');
    mark('ingestStartedAt', Math.round(t0));
    mark('ingestFiles', 0);
    if (!collected.files.length) return this.finish('done', null, t0);
    this.job = ingestInWorker(db.name, collected.files, {
      onProgress: (p) => {
        this.progress = p;
        if (p.phase === 'extract') this.filesDone = p.done;
        mark('ingestPhase', p.phase);
      },
      onFile: (r) => {
        this.reports = [...this.reports, r];
        this.filesDone = this.reports.length - collected.skipped.length;
        mark('ingestFiles', this.filesDone);
      },
    });
    try {
      const summary = await this.job.done;
      mark('ingestWrittenAt', Math.round(performance.now()));
      if (summary.status === 'done' && summary.added > 0) {
        await reloadGraph(this.ex);
        // There is a local graph now: no longer "nothing stored", only the served graph is missing.
        if (this.ex.syncStatus === 'unavailable') this.ex.syncStatus = 'offline';
      }
      await this.loadSources();
      this.finish(summary.status, summary, t0);
    } catch (e) {
      this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      this.finish('error', null, t0);
    }
  }

  private finish(status: IngestStatus, summary: IngestSummary | null, t0: number): void {
    this.job = null;
    this.summary = summary;
    this.progress = null;
    this.status = status;
    this.seconds = (performance.now() - t0) / 1000;
    if (summary) mark('ingestWorkerMs', Math.round(summary.ms.total));
    mark('ingestMs', Math.round(performance.now() - t0));
    mark('ingestStatus', status);
  }

  cancel(): void {
    this.job?.cancel();
  }

  async remove(sourceId: string): Promise<void> {
    const db = this.ex.db;
    if (!db || this.running || this.removing) return;
    this.removing = sourceId;
    this.error = null;
    try {
      await removeInWorker(db.name, [sourceId]);
      await reloadGraph(this.ex);
      // Nodes of the removed file that were selected are gone.
      const g = this.ex.graph;
      if (g) this.ex.selection = this.ex.selection.filter((id) => g.hasNode(id));
      await this.loadSources();
    } catch (e) {
      this.error = describeStorageError(e).detail;
    } finally {
      this.removing = null;
    }
  }
}

const states = new WeakMap<Explorer, IngestState>();

/** The one ingestion state of an explorer (the top-bar button and the dialog share it). */
export function ingestOf(ex: Explorer): IngestState {
  let s = states.get(ex);
  if (!s) states.set(ex, (s = new IngestState(ex)));
  return s;
}
