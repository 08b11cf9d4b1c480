/**
 * The graph manifest (`manifest.json` beside graph.json): the graph file's SHA-256 and counts,
 * written by scripts/build-graph after graph.json. A reload fetches this small file first and
 * skips downloading and hashing the graph (165 MB at 100k nodes) when the hash is the stored one.
 * Part of the contract between the build and the app (like graph.json, src/model/graph).
 */
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';

export const GraphManifestSchema = z.object({
  manifestVersion: z.literal(1),
  /** The graph file's name, relative to the manifest. */
  graph: z.string().min(1),
  /** SHA-256 (lower-case hex) of the graph file's bytes, as syncGraph hashes them. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  edges: z.number().int().nonnegative(),
  sources: z.number().int().nonnegative(),
});
export type GraphManifest = z.infer<typeof GraphManifestSchema>;

/** The manifest, or null when `raw` is not one (an older or foreign file is then ignored). */
export function parseManifest(raw: unknown): GraphManifest | null {
  const parsed = GraphManifestSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
