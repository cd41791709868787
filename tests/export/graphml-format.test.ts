/** The GraphML export is well-formed XML with declared keys and escaped values. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/src/domain/errors.ts';
import { toGraphml } from '../../server/src/export/graphml-format.ts';
import { detectImportFormat } from '../../server/src/export/import-snapshot.ts';
import { fromJson } from '../../server/src/export/json-format.ts';

const snapshot = fromJson(
  fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/snapshots/small.json'), 'utf8'),
);
const xml = toGraphml(snapshot);

describe('graphml export', () => {
  it('is well-formed: balanced tags and no raw markup characters in text', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml ')).toBe(true);
    expect(unbalancedTags(xml)).toEqual([]);
    const text = xml.replace(/<[^>]*>/g, '');
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
  });

  it('has one node per node, one edge per claim, and a key for every data attribute used', () => {
    expect(xml.match(/<node /g)).toHaveLength(snapshot.nodes.length);
    expect(xml.match(/<edge /g)).toHaveLength(snapshot.claims.length);
    const keys = new Set(
      [
        ...xml.matchAll(
          /<key id="([^"]+)" for="(node|edge)" attr.name="[^"]+" attr.type="(string|int|double|boolean)"\/>/g,
        ),
      ].map((m) => m[1]),
    );
    const used = new Set([...xml.matchAll(/<data key="([^"]+)">/g)].map((m) => m[1]));
    expect([...used].filter((key) => !keys.has(key))).toEqual([]);
    expect(xml).toContain('<graph id="fibrograph" edgedefault="directed">');
  });

  it('escapes values so they read back exactly, with evidence as a JSON string', () => {
    const theory = snapshot.nodes.find((node) => node.id === 'theory:hypo');
    expect(dataValues(xml, 'n_name')).toContain(theory?.name);
    expect(dataValues(xml, 'n_summary')).toContain(theory?.summary);
    const claim = snapshot.claims.find((item) => item.id === 'claim:hypo--proposes--flow');
    const evidence = dataValues(xml, 'e_evidence').map((value) => JSON.parse(value) as unknown);
    expect(evidence).toContainEqual(claim?.evidence);
    expect(xml).toContain('source="theory:hypo" target="mechanism:flow"');
  });

  it('is export-only: importing a .graphml file fails with a clear error', () => {
    expect(() => detectImportFormat('graph.graphml', xml)).toThrow(ValidationError);
    expect(() => detectImportFormat('graph.graphml', xml)).toThrow(/json or cyjs/);
  });
});

/** Names of tags that do not close in order (empty for well-nested XML). */
function unbalancedTags(document: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const [tag] of document.matchAll(/<[^>]+>/g)) {
    if (tag.startsWith('<?') || tag.endsWith('/>')) continue;
    const name = /^<\/?([\w:]+)/.exec(tag)?.[1] ?? tag;
    if (!tag.startsWith('</')) stack.push(name);
    else if (stack.pop() !== name) problems.push(name);
  }
  return [...problems, ...stack];
}

function dataValues(document: string, key: string): string[] {
  return [...document.matchAll(new RegExp(`<data key="${key}">([^<]*)</data>`, 'g'))].map((m) =>
    unescapeXml(m[1] ?? ''),
  );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');
}
