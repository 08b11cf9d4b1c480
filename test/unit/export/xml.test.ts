import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { parse as parseGEXF } from 'graphology-gexf';
import { toGraphML, escapeXml } from '../../../src/graph/export/graphml';
import { toGEXF } from '../../../src/graph/export/gexf';
import { stripXmlIllegal } from '../../../src/graph/export/rows';
import { buildFixtureGraph, EDGES, HOSTILE, NODES } from './fixture';
import { readWithNetworkx, writeTemp, xmllint } from './external';

const g = buildFixtureGraph();
const allNodes = g.nodes();
const allEdges = g.edges();
const policy = NODES[0];
const task = NODES[1];
const doc = NODES[2];

describe('escapeXml / stripXmlIllegal', () => {
  it('escapes the five XML specials and drops control characters but keeps emoji', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(stripXmlIllegal('x\u0000y\u0007z\u001b\uFFFE')).toBe('xyz');
    expect(stripXmlIllegal('\uD800 lone')).toBe(' lone');
    expect(stripXmlIllegal(HOSTILE.emoji)).toBe(HOSTILE.emoji);
    expect(escapeXml('a\nb\tc', true)).toBe('a&#10;b&#9;c');
  });
});

describe('GraphML export', () => {
  const xml = toGraphML(g, allNodes, allEdges);
  const path = writeTemp('graph.graphml', xml);

  it('is well-formed XML with a declaration, typed keys and a directed default', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(() => xmllint(path)).not.toThrow();
    expect(xml).toContain('edgedefault="directed"');
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="year" attr.type="int"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="titleConstructed" attr.type="boolean"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="evidenceCount" attr.type="int"\/>/);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/[\u0000\u0007\u001b]/);
  });

  it('reads back with graphology-graphml with counts and attributes intact', () => {
    const back = parseGraphML(Graph, xml);
    expect(back.order).toBe(NODES.length);
    expect(back.size).toBe(EDGES.length);
    expect(back.getNodeAttribute(policy.id, 'title')).toBe(HOSTILE.script);
    expect(back.getNodeAttribute(policy.id, 'label')).toBe(HOSTILE.formula);
    expect(back.getNodeAttribute(policy.id, 'year')).toBe(2019);
    expect(back.getNodeAttribute(policy.id, 'issuers')).toBe(`中共鄂尔多斯市委员会办公室|${HOSTILE.pipe}`);
    expect(back.getNodeAttribute(task.id, 'title')).toBe(stripXmlIllegal(HOSTILE.control));
    expect(back.getNodeAttribute(doc.id, 'label')).toBe(HOSTILE.emoji);
    expect(back.getNodeAttribute(doc.id, 'kind_en')).toBe('opinion');
    expect(back.hasEdge('e:cites:1')).toBe(true);
    expect(back.source('e:cites:1')).toBe(task.id);
    expect(back.getEdgeAttribute('e:cites:1', 'evidenceCount')).toBe(2);
    expect(back.getEdgeAttribute('e:cites:1', 'evidenceQuote')).toBe(HOSTILE.formula);
    expect(back.getEdgeAttribute('e:cites:1', 'intent_en')).toBe('implements');
  });

  it('reads back with networkx (parallel edges kept, CR/LF preserved)', () => {
    const nx = readWithNetworkx('graphml', path);
    expect(nx.directed).toBe(true);
    expect(nx.multigraph).toBe(true);
    expect(Object.keys(nx.nodes).length).toBe(NODES.length);
    expect(nx.edges.length).toBe(EDGES.length);
    expect(nx.nodes[task.id].text).toBe(HOSTILE.newline);
    expect(nx.nodes[doc.id].docNumber).toBe(HOSTILE.brackets);
    expect(nx.nodes[policy.id].titleConstructed).toBe(false);
  });

  it('exports only the selection and drops edges whose endpoints are not selected', () => {
    const xml2 = toGraphML(g, [task.id, doc.id], ['e:cites:1', 'e:contains:1']);
    const back = parseGraphML(Graph, xml2);
    expect(back.nodes().sort()).toEqual([doc.id, task.id].sort());
    expect(back.edges()).toEqual(['e:cites:1']);
  });

  it('is deterministic whatever the selection order', () => {
    expect(toGraphML(g, [...allNodes].reverse(), [...allEdges].reverse())).toBe(xml);
  });
});

describe('GEXF export', () => {
  const xml = toGEXF(g, allNodes, allEdges);
  const path = writeTemp('graph.gexf', xml);

  it('is well-formed XML', () => {
    expect(() => xmllint(path)).not.toThrow();
    expect(xml).not.toMatch(/[\u0000\u0007\u001b]/);
  });

  it('reads back with graphology-gexf', () => {
    const back = parseGEXF(Graph, xml);
    expect(back.order).toBe(NODES.length);
    expect(back.size).toBe(EDGES.length);
    expect(back.getNodeAttribute(policy.id, 'label')).toBe(HOSTILE.formula);
    expect(back.getNodeAttribute(policy.id, 'title')).toBe(HOSTILE.script);
    expect(back.getNodeAttribute(policy.id, 'year')).toBe(2019);
    expect(back.getNodeAttribute(doc.id, 'docNumber')).toBe(HOSTILE.brackets);
    expect(back.getNodeAttribute(doc.id, 'label')).toBe(HOSTILE.emoji);
    expect(back.getEdgeAttribute('e:cites:2', 'intent')).toBe('will_issue');
    expect(back.getEdgeAttribute('e:cites:1', 'evidenceCount')).toBe(2);
  });

  it('reads back with networkx', () => {
    const nx = readWithNetworkx('gexf', path);
    expect(Object.keys(nx.nodes).length).toBe(NODES.length);
    expect(nx.edges.length).toBe(EDGES.length);
    expect(nx.nodes[policy.id].label).toBe(HOSTILE.formula);
    expect(nx.nodes[task.id].text).toBe(HOSTILE.newline);
  });
});
