/**
 * Phrase search in the text of tasks ("where does 县管校聘 appear, in which cities, which years?").
 * A linear scan: task texts are short and a scan of 100k of them takes tens of milliseconds, so
 * no index is kept. Results are plain text; the UI must render them as text, never as HTML.
 */
import type { PolicyGraph } from './load';
import { regionName, regionScope } from './filters';

export interface TaskMatch {
  taskId: string;
  policyId: string;
  region?: string;
  year?: number;
  sourceId: string;
  /** Text around the match, line breaks shown as spaces, "…" where cut. */
  snippet: string;
  /** The match in `snippet`: snippet.slice(matchStart, matchEnd). */
  matchStart: number;
  matchEnd: number;
  /** Offset of the match in the task's `text`. */
  textOffset: number;
}

export interface FullTextOptions {
  /** Region names or `region:` ids; a province or city includes what lies in it. */
  regions?: readonly string[];
  /** Years of the tasks (a task without a year takes its policy's). */
  years?: readonly number[];
  /** Characters of context each side (default 30). */
  context?: number;
  /** At most this many matches (default 1000). */
  limit?: number;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/**
 * A pattern for the phrase that tolerates whitespace between its characters (texts copied from
 * web pages break lines inside words) and ignores case; null for an empty phrase.
 */
function phrasePattern(phrase: string): RegExp | null {
  const chars = [...phrase.replace(/\s+/g, '')];
  if (chars.length === 0) return null;
  return new RegExp(chars.map((ch) => ch.replace(ESCAPE, '\\$&')).join('\\s*'), 'giu');
}

/** Every occurrence of a phrase in task texts, in graph order, filtered by region and year. */
export function findInTasks(g: PolicyGraph, phrase: string, opts: FullTextOptions = {}): TaskMatch[] {
  const pattern = phrasePattern(phrase);
  if (!pattern) return [];
  const context = opts.context ?? 30;
  const limit = opts.limit ?? 1000;
  const regions = opts.regions && opts.regions.length ? new Set(opts.regions.map(regionName)) : null;
  const years = opts.years && opts.years.length ? new Set(opts.years) : null;
  const out: TaskMatch[] = [];
  for (const { node: taskId, attributes: a } of g.nodeEntries()) {
    if (a.type !== 'task') continue;
    pattern.lastIndex = 0;
    // Cheap test first: most tasks do not contain the phrase.
    if (!pattern.test(a.text)) continue;
    const policy = g.hasNode(a.policyId) ? g.getNodeAttributes(a.policyId) : undefined;
    const year = a.year ?? (policy?.type === 'policy' ? policy.year : undefined);
    const region = a.region ?? (policy?.type === 'policy' ? policy.region : undefined);
    if (years && (year === undefined || !years.has(year))) continue;
    if (regions && !regionScope(g, a).some((r) => regions.has(r))) continue;
    pattern.lastIndex = 0;
    for (const m of a.text.matchAll(pattern)) {
      const at = m.index ?? 0;
      const from = Math.max(0, at - context);
      const to = Math.min(a.text.length, at + m[0].length + context);
      const head = from > 0 ? '…' : '';
      const snippet = head + a.text.slice(from, to).replace(/[\r\n\t]/g, ' ') + (to < a.text.length ? '…' : '');
      const matchStart = head.length + (at - from);
      out.push({
        taskId,
        policyId: a.policyId,
        ...(region !== undefined ? { region } : {}),
        ...(year !== undefined ? { year } : {}),
        sourceId: a.sourceId,
        snippet,
        matchStart,
        matchEnd: matchStart + m[0].length,
        textOffset: at,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
