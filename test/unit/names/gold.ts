/** Loads the seeds and their gold annotations for the name-finder tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const GOLD_DIR = join(ROOT, '../shared/gold');

export interface GoldSeed {
  file: string;
  text: string;
  programs: string[];
  institutions: string[];
  policies: Array<{ region: string | null; province: string | null; issuers: string[] }>;
  notes: string[];
}

/** The extractor's work text, as far as these tests need it: full-width ASCII and odd spaces folded. */
export function workText(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u2000-\u200A]/g, ' ');
}

/** Gold names compare with whitespace removed and NFKC applied. */
export function normName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

export function loadGoldSeeds(): GoldSeed[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => /^\d{3}_[0-9a-f]+\.json$/.test(f))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8'));
      return {
        file: g.source,
        text: workText(readFileSync(join(ROOT, 'seeds', g.source), 'utf8')),
        programs: g.programs,
        institutions: g.institutions,
        policies: g.policies,
        notes: g.notes ?? [],
      };
    });
}

/**
 * Items the annotators left out on purpose, read from the notes' "Left out …:" lists (a rough
 * parse: comma-separated, parenthetical remarks dropped). Used as a precision check only.
 */
export function leftOutItems(notes: string[], topic: 'programs' | 'institutions'): Set<string> {
  const out = new Set<string>();
  for (const note of notes) {
    if (!note.startsWith(topic)) continue;
    const re = /(?:Left out|left out|Not listed)[^:]*:(.*?)(?:\.\s|$)/gs;
    let m: RegExpExecArray | null;
    while ((m = re.exec(note)) !== null) {
      const list = m[1]!.replace(/\([^()]*\)/g, '');
      for (const raw of list.split(/,|;|\band\b|\//)) {
        const item = normName(raw.replace(/^[\s:]*(?:activities, slogans and mechanisms|and designations|together with)\s*:?/, ''));
        if (/[\u4e00-\u9fff]/.test(item)) out.add(item);
      }
    }
  }
  return out;
}
