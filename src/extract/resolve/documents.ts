/**
 * Document identity across the corpus: mentions that share a normalised 文号 or a normalised
 * title are one document; a title is paired with its 文号 wherever one mention gives both; a
 * citation of a document whose text is in the corpus resolves to that policy.
 */
import { docNumberKey, titleKey } from '../normalize';
import { memoizeString } from '../memo';

/** The key a cited title is matched on; a law's 中华人民共和国 prefix is not part of its identity. */
export const documentTitleKey: (title: string) => string = memoizeString((title) => {
  const k = titleKey(title);
  return /法$/u.test(k) ? k.replace(/^中华人民共和国/u, '') : k;
});

interface Entry {
  parent: string;
  num?: string;
  /** A root's node id, made at its first idOfKeys (one string per document, not one per citation). */
  id?: string;
}

/**
 * Union-find over document keys ('n:' + 文号 key, 't:' + title key). Two different 文号 are never
 * merged (a revision keeps its own node even if it shares a title).
 */
export class DocumentKeys {
  private entries = new Map<string, Entry>();

  private find(k: string): string {
    let e = this.entries.get(k);
    if (!e) {
      e = { parent: k, num: k.startsWith('n:') ? k : undefined };
      this.entries.set(k, e);
    }
    let root = k;
    while (this.entries.get(root)!.parent !== root) root = this.entries.get(root)!.parent;
    // Path compression.
    let cur = k;
    while (cur !== root) {
      const next = this.entries.get(cur)!;
      const p = next.parent;
      next.parent = root;
      cur = p;
    }
    return root;
  }

  add(title?: string, docNumber?: string, scope?: string): void {
    this.addKeys(mentionKeys(title, docNumber, scope));
  }

  /** add() for keys already made by mentionKeys (a caller that asks idOfKeys later makes them once). */
  addKeys(keys: string[]): void {
    if (keys.length === 2) this.union(keys[0], keys[1]);
    else if (keys.length === 1) this.find(keys[0]);
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const ea = this.entries.get(ra)!;
    const eb = this.entries.get(rb)!;
    if (ea.num && eb.num && ea.num !== eb.num) return;
    // Deterministic root: the smaller key, carrying any 文号.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.entries.get(child)!.parent = root;
    const r = this.entries.get(root)!;
    r.num = ea.num ?? eb.num;
    r.id = undefined;
  }

  /** The canonical node id of a mention: doc:<文号 key> when the document has one, else doc:<title key>. */
  idOf(title?: string, docNumber?: string, scope?: string): string | undefined {
    return this.idOfKeys(mentionKeys(title, docNumber, scope));
  }

  idOfKeys(keys: string[]): string | undefined {
    if (!keys.length) return undefined;
    // A mention with a 文号 belongs to that 文号's document even when its title is shared.
    const root = this.find(keys.find((k) => k.startsWith('n:')) ?? keys[0]);
    const e = this.entries.get(root)!;
    return (e.id ??= 'doc:' + (e.num ?? root).slice(2));
  }
}

/**
 * Anonymised names (XX市…) are only the same document within one place: `scope` (the citing
 * policy's province, or the policy itself) keeps XX市's plan in 河北 apart from XX市's in 广东.
 */
export function anonymisedScope(key: string, scope?: string): string {
  return scope && key.includes('XX') ? `${key}@${scope}` : key;
}

/** The union-find keys of a mention: 'n:' + 文号 key, then 't:' + title key (scoped when anonymised). */
export function mentionKeys(title?: string, docNumber?: string, scope?: string): string[] {
  const keys: string[] = [];
  if (docNumber) keys.push('n:' + docNumberKey(docNumber));
  if (title) {
    const k = documentTitleKey(title);
    if (k) keys.push('t:' + anonymisedScope(k, scope));
  }
  return keys;
}
