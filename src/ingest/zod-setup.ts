/**
 * Imported first by the ingestion worker, before any module that builds a schema: no eval under
 * a strict CSP (the same setting as src/ui/zod-setup.ts for the page).
 */
import { config } from 'zod';

config({ jitless: true });
