/**
 * Imported first by main.ts, before any schema is built: zod probes `new Function` to decide on
 * its JIT, and under our CSP (no eval) that probe is reported as a violation. The schemas are
 * small, so they run without the JIT.
 */
import { config } from 'zod';

config({ jitless: true });
