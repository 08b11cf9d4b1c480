/** Fresh, uniquely named Dexie databases for a test file (fake-indexeddb), deleted after each test. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { openDb, type PolicyDB } from '../../src/store';

export function freshDbs(prefix: string): () => Promise<PolicyDB> {
  let n = 0;
  const opened: PolicyDB[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return async () => {
    const db = await openDb({ name: `${prefix}-${process.pid}-${++n}` });
    opened.push(db);
    return db;
  };
}
