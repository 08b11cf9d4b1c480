/**
 * Writes the committed malformed-corpus fixtures (test/fixtures/malformed). The big files of the
 * corpus (20 MB, a 2 MB single line) are not committed: the test generates them.
 *   npx tsx scripts/make-malformed.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MALFORMED_DIR, smallCorpus } from '../test/unit/hostile/corpus';

rmSync(MALFORMED_DIR, { recursive: true, force: true });
let bytes = 0;
const files = smallCorpus();
for (const f of files) {
  const p = join(MALFORMED_DIR, f.path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, f.bytes);
  bytes += f.bytes.length;
}
console.log(`make-malformed: ${files.length} files, ${bytes} bytes → ${MALFORMED_DIR}`);
