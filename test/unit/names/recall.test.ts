/**
 * Recall of the programme and institution finders against the gold recall lists of the five
 * seeds, and a precision check against the items the annotators deliberately left out.
 */
import { describe, expect, it } from 'vitest';
import { findInstitutions } from '../../../src/extract/find/institutions';
import { findPrograms } from '../../../src/extract/find/programs';
import { canonicalInstitution, splitIssuers } from '../../../src/extract/resolve/institutions';
import { leftOutItems, loadGoldSeeds, normName } from './gold';

const seeds = loadGoldSeeds();

function report(label: string, rows: Array<{ file: string; found: number; total: number; missed: string[] }>) {
  const found = rows.reduce((n, r) => n + r.found, 0);
  const total = rows.reduce((n, r) => n + r.total, 0);
  for (const r of rows) {
    console.log(`${label} ${r.file}: ${r.found}/${r.total} (${(r.found / r.total).toFixed(2)}) missed: ${r.missed.join(' ') || '-'}`);
  }
  console.log(`${label} overall recall: ${found}/${total} = ${(found / total).toFixed(3)}`);
  return found / total;
}

describe('name finders on the seeds', () => {
  it('has gold files for every seed', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const s of seeds) expect(s.text.length).toBeGreaterThan(1000);
  });

  it('finds at least 85% of the gold programmes and few of the left-out slogans', () => {
    let emittedLeftOut = 0;
    let leftOutTotal = 0;
    const rows = seeds.map((s) => {
      const names = new Set(findPrograms(s.text).map((m) => normName(m.name)));
      const gold = s.programs.map(normName);
      const missed = gold.filter((g) => !names.has(g));
      const leftOut = leftOutItems(s.notes, 'programs');
      const hits = [...leftOut].filter((l) => names.has(l));
      emittedLeftOut += hits.length;
      leftOutTotal += leftOut.size;
      console.log(`programs ${s.file}: emitted ${names.size}, of which left-out by annotators: ${hits.length}/${leftOut.size} (${hits.join(' ')})`);
      return { file: s.file, found: gold.length - missed.length, total: gold.length, missed };
    });
    const recall = report('programs', rows);
    console.log(`programs: emitted ${emittedLeftOut} of ${leftOutTotal} left-out items`);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    // The slogans named in the brief are never programmes.
    expect(emittedLeftOut / leftOutTotal).toBeLessThan(0.5);
  });

  it('finds at least 85% of the gold institutions (as written, canonical, or issuer)', () => {
    const rows = seeds.map((s) => {
      const contexts = s.policies.map((p) => ({ region: p.region ?? undefined, province: p.province ?? undefined }));
      const names = new Set<string>();
      for (const m of findInstitutions(s.text)) {
        names.add(normName(m.name));
        for (const ctx of contexts) names.add(normName(canonicalInstitution(m.name, ctx).name));
      }
      // Issuers come from the policy header through splitIssuers.
      for (const [i, p] of s.policies.entries()) {
        for (const ref of splitIssuers(p.issuers.join('、'), contexts[i]!)) names.add(normName(ref.name));
      }
      const gold = s.institutions.map(normName);
      const missed = gold.filter((g) => !names.has(g));
      return { file: s.file, found: gold.length - missed.length, total: gold.length, missed };
    });
    const recall = report('institutions', rows);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('does not report generic bodies the annotators excluded', () => {
    const generic = ['教育部门', '高校党委', '市属高校', '各县(市、区)教体局', '局党组'];
    for (const s of seeds) {
      const names = findInstitutions(s.text).map((m) => m.name);
      for (const g of generic) expect(names).not.toContain(g);
    }
  });
});
