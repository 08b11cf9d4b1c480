/**
 * Types for graphology-gexf's writer module imported on its own: the package's entries either pull
 * in @xmldom (node) or touch DOMParser at load time (browser), and a writer needs neither.
 */
declare module 'graphology-gexf/common/writer.js' {
  import type { Attributes } from 'graphology-types';
  import type Graph from 'graphology-types';
  import type { GexfWriterOptions } from 'graphology-gexf/common/types';
  export default function write<N extends Attributes = Attributes, E extends Attributes = Attributes>(
    graph: Graph<N, E>,
    options?: GexfWriterOptions<N, E>,
  ): string;
}
