/**
 * The last drawn graph view, kept in the store (src/store/last-view) so that a reload draws it at
 * once: at 100k nodes reading and building the graph takes seconds, and the analyst should not
 * look at a progress bar meanwhile. The view is shown only when it was drawn from the same rows
 * and answers the same state (filters, expanded nodes, ego selection, language); once the graph is
 * built, the canvas keeps it when the computed view is the same element list, else redraws.
 */
import type { ElementDefinition } from 'cytoscape';
import { z } from 'zod';
import { loadLastView, rowsIdentity, saveLastView, type PolicyDB } from '../../store';
import type { ViewCounts } from './explorer.svelte';
import type { UiState } from './urlstate';

export interface StoredView {
  /** What the canvas drew; nodes carry their positions. */
  elements: ElementDefinition[];
  /** The status bar's counts of that view. */
  counts: ViewCounts | null;
  /** Where the canvas looked at it (absent: fit the elements). */
  viewport?: { zoom: number; pan: { x: number; y: number } };
}

const positionSchema = z.object({ x: z.number(), y: z.number() });
const storedViewSchema = z.object({
  format: z.literal(1),
  elements: z.array(
    z.looseObject({
      group: z.enum(['nodes', 'edges']),
      data: z.looseObject({ id: z.string() }),
      position: positionSchema.optional(),
      classes: z.string().optional(),
    }),
  ),
  counts: z.looseObject({ nodes: z.number(), edges: z.number() }).nullable(),
  viewport: z.object({ zoom: z.number().positive(), pan: positionSchema }).optional(),
});

/** The part of the explorer's state a graph view answers (the explorer itself, or its snapshot). */
export function viewStateKey(s: Pick<UiState, 'filters' | 'expanded' | 'selection' | 'lang'>): string {
  // Keys sorted: the same filters reached another way (a deep link, a group opened) are the same state.
  const filters = JSON.stringify(s.filters, Object.keys(s.filters).sort());
  return JSON.stringify([filters, s.expanded, s.filters.egoHops > 0 ? s.selection : [], s.lang]);
}

/**
 * The stored view when it was drawn from the rows the store holds now and answers the explorer's
 * given state (graph mode); else null. Never throws: a view it cannot read is no view.
 */
export async function matchingStoredView(db: PolicyDB, s: Pick<UiState, 'view' | 'filters' | 'expanded' | 'selection' | 'lang'>): Promise<StoredView | null> {
  try {
    const [record, identity] = await Promise.all([loadLastView(db), rowsIdentity(db)]);
    if (!record || record.identity !== identity || s.view !== 'graph' || record.state !== viewStateKey(s)) return null;
    const parsed = storedViewSchema.safeParse(record.payload);
    if (!parsed.success) return null;
    const { elements, counts, viewport } = parsed.data;
    return { elements: elements as ElementDefinition[], counts: counts as ViewCounts | null, ...(viewport ? { viewport } : {}) };
  } catch {
    return null;
  }
}

/** Keeps `view` as the last drawn view of the rows `identity` names, for the state `state`. */
export async function storeView(db: PolicyDB, identity: string, state: string, view: StoredView): Promise<void> {
  await saveLastView(db, { identity, state, payload: { format: 1, elements: view.elements, counts: view.counts, ...(view.viewport ? { viewport: view.viewport } : {}) } });
  // For the benchmark: a reload after this mark can draw the stored view.
  performance.mark('ple:view-kept');
}
