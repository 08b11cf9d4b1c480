/**
 * The analyst's workspace as UI state: notes, saved views and corrections read from the store,
 * and the actions on them. One instance per Explorer (`workspaceOf`), so components need no
 * extra props. Every change of corrections re-reads the graph through `reloadGraph`, the one place
 * corrections are applied.
 */
import { tick } from 'svelte';
import { whenCanvasDrawn } from '../state/canvas-drawn';
import type { Correction, Note, SavedView } from '../../model';
import {
  addCorrection,
  clearWorkspace,
  deleteView,
  describeStorageError,
  exportWorkspace,
  importWorkspace,
  listCorrections,
  listNotes,
  listViews,
  orphanNotes,
  removeCorrection,
  saveNote,
  saveViewWithPositions,
  type NewCorrection,
  type WorkspaceImportResult,
} from '../../store';
import { downloadFile, fileStem } from '../export/download';
import type { Explorer } from '../state/explorer.svelte';
import { reloadGraph } from '../state/graph-rows';
import { reassembleInWorker } from '../ingest/client';
import { decodeHash, encodeHash } from '../state/urlstate';
import { currentPositions, usePendingPositions } from './canvas-hooks';

export type WsMessage = { kind: 'ok' | 'error'; text: string } | null;

export class WorkspaceState {
  notes = $state.raw<Note[]>([]);
  views = $state.raw<SavedView[]>([]);
  corrections = $state.raw<Correction[]>([]);
  /** Whether the workspace panel is open. */
  open = $state(false);
  message = $state<WsMessage>(null);
  busy = $state(false);
  /**
   * While a correction is applied, the share of the graph rebuilt (0–1): the graph is rebuilt from
   * its rows with the corrections (seconds at 100k nodes); null otherwise.
   */
  applying = $state<number | null>(null);

  constructor(private ex: Explorer) {}

  /** Notes whose node the current graph does not have. */
  orphans = $derived.by(() => {
    const g = this.ex.graph;
    return g ? orphanNotes(this.notes, (id) => g.hasNode(id)) : [];
  });

  noteOf(nodeId: string): Note | undefined {
    return this.notes.find((n) => n.nodeId === nodeId);
  }

  async refresh(): Promise<void> {
    const db = this.ex.db;
    if (!db) return;
    const [notes, views, corrections] = await Promise.all([listNotes(db), listViews(db), listCorrections(db)]);
    this.notes = notes;
    this.views = views;
    this.corrections = corrections;
  }

  async saveNote(nodeId: string, text: string, tags: string[], label?: string): Promise<void> {
    if (!this.ex.db) return;
    await saveNote(this.ex.db, nodeId, text, { tags, label });
    await this.refresh();
  }

  async saveView(name: string): Promise<SavedView | undefined> {
    if (!this.ex.db) return;
    const positions = this.ex.cy && this.ex.cy.nodes().length ? currentPositions(this.ex.cy) : undefined;
    const row = await saveViewWithPositions(this.ex.db, { name, hash: encodeHash(this.ex.snapshot()), positions });
    await this.refresh();
    return row;
  }

  /** Restores filters, selection, mode and language, then the saved node positions. */
  async openView(v: SavedView): Promise<void> {
    this.ex.pendingPositions = v.positions ?? null;
    this.ex.restore(decodeHash(v.hash));
    await tick();
    // The canvas places the nodes when it draws the view (or finds it drawn already); should it not
    // draw at all (nothing in the view changed), place them here.
    await whenCanvasDrawn(1000);
    const cy = this.ex.cy;
    if (this.ex.pendingPositions && cy && !cy.nodes().empty()) {
      usePendingPositions(this.ex, cy);
      cy.fit(undefined, 30);
    }
  }

  async deleteView(id: string): Promise<void> {
    if (!this.ex.db) return;
    await deleteView(this.ex.db, id);
    await this.refresh();
  }

  /** Stores a correction and shows the graph with it applied. */
  async correct(draft: NewCorrection): Promise<Correction | undefined> {
    if (!this.ex.db) return;
    try {
      const c = await addCorrection(this.ex.db, draft);
      await this.afterCorrectionChange();
      return c;
    } catch (e) {
      this.message = { kind: 'error', text: this.ex.t('corrFailed', { msg: e instanceof Error ? e.message : String(e) }) };
    }
  }

  async removeCorrection(id: string): Promise<void> {
    if (!this.ex.db) return;
    await removeCorrection(this.ex.db, id);
    await this.afterCorrectionChange();
  }

  private async afterCorrectionChange(): Promise<void> {
    this.applying = 0;
    try {
      await reloadGraph(this.ex, (done, total) => (this.applying = total > 0 ? done / total : 0));
    } finally {
      this.applying = null;
    }
    // The selection may name a node a merge removed.
    const g = this.ex.graph;
    const kept = g ? this.ex.selection.filter((id) => g.hasNode(id)) : this.ex.selection;
    // Only when it changed: a new selection re-focuses the canvas, which should stay where it is.
    if (kept.length !== this.ex.selection.length) this.ex.selection = kept;
    await this.refresh();
  }

  async exportFile(): Promise<void> {
    if (!this.ex.db) return;
    const file = await exportWorkspace(this.ex.db);
    downloadFile({ name: `${fileStem('workspace')}.json`, blob: new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }) });
  }

  /** Imports a workspace file's text (merged, or replacing); a bad file is refused with the reason and changes nothing. */
  async importFile(text: string, opts: { replace?: boolean } = {}): Promise<WorkspaceImportResult | undefined> {
    if (!this.ex.db) return;
    this.busy = true;
    try {
      // Replacing clears the notes, views and corrections in the import's own transaction.
      const res = await importWorkspace(this.ex.db, text, { replace: opts.replace === true });
      // The analyst's own documents were stored with the rest; the graph is re-assembled with them
      // off the main thread (src/ui/ingest), then re-read with the corrections applied.
      let assembleError = '';
      if (res.userSources > 0) {
        try {
          await reassembleInWorker(this.ex.db.name);
        } catch (e) {
          assembleError = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        }
      }
      await this.afterCorrectionChange();
      const done = this.ex.t('wsImported', { notes: res.notes, views: res.views, corrections: res.corrections });
      this.message = assembleError ? { kind: 'error', text: `${done} — ${assembleError}` } : { kind: 'ok', text: done };
      return res;
    } catch (e) {
      const reason = e instanceof Error && e.name === 'WorkspaceFileError' ? e.message : describeStorageError(e).detail;
      this.message = { kind: 'error', text: this.ex.t('wsImportRefused', { reason }) };
    } finally {
      this.busy = false;
    }
  }

  async clear(): Promise<void> {
    if (!this.ex.db) return;
    await clearWorkspace(this.ex.db);
    await this.afterCorrectionChange();
  }
}

const instances = new WeakMap<Explorer, WorkspaceState>();

export function workspaceOf(ex: Explorer): WorkspaceState {
  let ws = instances.get(ex);
  if (!ws) {
    ws = new WorkspaceState(ex);
    instances.set(ex, ws);
  }
  return ws;
}
