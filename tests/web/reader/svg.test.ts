/** The SVG export: shapes per kind, the claim encoding, the legend, and text that cannot break out. */
import { describe, expect, it } from 'vitest';
import { graphSvg, wrapLabel, type SvgEdge, type SvgNode } from '../../../web/src/export/svg.ts';
import { legendBlock, legendSvg } from '../../../web/src/export/svg-legend.ts';
import { escapeXml } from '../../../web/src/export/svg-markup.ts';
import { CONTESTED_COLOUR, KIND_LOOKS } from '../../../web/src/graph/vocabulary.ts';

function node(id: string, kind: SvgNode['kind'], x: number, y: number, label = id): SvgNode {
  return { id, label, kind, x, y, w: 26, h: 26, classes: [] };
}

function edge(classes: string[], width = 3): SvgEdge {
  return { source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, width, classes };
}

/** The numbers of the root element's viewBox. */
function viewBox(svg: string): [number, number, number, number] {
  const match = /viewBox="([^"]+)"/.exec(svg);
  const [left, top, width, height] = (match?.[1] ?? '').split(' ').map(Number);
  return [left ?? NaN, top ?? NaN, width ?? NaN, height ?? NaN];
}

describe('graphSvg', () => {
  it('prints the caption lines under the picture, escaped, and makes room for them', () => {
    const plain = graphSvg({ nodes: [node('a', 'THEORY', 0, 0)], edges: [], title: 't' });
    const captioned = graphSvg({
      nodes: [node('a', 'THEORY', 0, 0)],
      edges: [],
      title: 't',
      caption: ['Source: FibroGraph — A & B', 'http://x/?a=1&b=2'],
    });
    expect(captioned).toContain('>Source: FibroGraph — A &amp; B</text>');
    expect(captioned).toContain('>http://x/?a=1&amp;b=2</text>');
    expect(viewBox(captioned)[3]).toBeGreaterThan(viewBox(plain)[3]);
    expect(plain).not.toContain('class="caption"');
  });

  it('is an SVG document with a title, a white background and a legend', () => {
    const svg = graphSvg({ nodes: [node('a', 'THEORY', 0, 0)], edges: [], title: 'FibroGraph: overview' });
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(svg).toContain('<title>FibroGraph: overview</title>');
    expect(svg).toContain('fill="#ffffff"');
    expect(svg).toContain('class="legend"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws each kind in its shape and colour', () => {
    const svg = graphSvg({
      nodes: [node('t', 'THEORY', 0, 0), node('s', 'SYMPTOM', 100, 0), node('f', 'FINDING', 200, 0)],
      edges: [],
      title: 't',
    });
    const nodes = svg.slice(svg.indexOf('<g class="nodes">'), svg.indexOf('class="legend"'));
    expect(nodes).toMatch(new RegExp(`<polygon points="[^"]+" fill="${KIND_LOOKS.THEORY.colour}"`));
    expect(nodes).toMatch(
      new RegExp(`<ellipse cx="100" cy="0" rx="13" ry="13" fill="${KIND_LOOKS.SYMPTOM.colour}"`),
    );
    expect(nodes).toMatch(
      new RegExp(`<rect x="187" y="-13" width="26" height="26" fill="${KIND_LOOKS.FINDING.colour}"`),
    );
  });

  it('draws anchors with a heavy border and faded parts faint', () => {
    const anchor = { ...node('a', 'THERAPY', 0, 0), classes: ['anchor'] };
    const faded = { ...node('b', 'THERAPY', 50, 0), classes: ['faded'] };
    const svg = graphSvg({ nodes: [anchor, faded], edges: [edge(['faded'])], title: 't' });
    expect(svg).toContain('stroke-width="3"');
    expect(svg).toContain('<g opacity="0.15">');
    expect(svg).toContain('<g opacity="0.15"><title>Therapy: b</title>');
  });

  it('dashes weak-only claims and marks contested ones in vermillion with a diamond', () => {
    const plain = graphSvg({ nodes: [], edges: [edge([])], title: 't' });
    const weak = graphSvg({ nodes: [], edges: [edge(['weak'])], title: 't' });
    const contested = graphSvg({ nodes: [], edges: [edge(['contested'])], title: 't' });
    const claims = (svg: string): string =>
      svg.slice(svg.indexOf('<g class="claims">'), svg.indexOf('<g class="nodes">'));
    expect(claims(plain)).not.toContain('stroke-dasharray');
    expect(claims(weak)).toContain('stroke-dasharray="6 4"');
    expect(claims(plain)).not.toContain(CONTESTED_COLOUR);
    expect(claims(contested)).toContain(`stroke="${CONTESTED_COLOUR}"`);
    expect(claims(contested)).toMatch(
      /<path d="M-8 0L0 -5L8 0L0 5Z" transform="translate\(50 0\) rotate\(0\)"/,
    );
  });

  it('draws the claim width and ends the arrowhead at the target', () => {
    const svg = graphSvg({ nodes: [], edges: [edge([], 5)], title: 't' });
    expect(svg).toContain('stroke-width="5"');
    expect(svg).toMatch(/<polygon points="100,0 /);
  });

  it('escapes labels and the title so no text can become markup', () => {
    const svg = graphSvg({
      nodes: [node('x', 'SYMPTOM', 0, 0, `<script>alert("x")</script> & 'co'`)],
      edges: [],
      title: 'A & <B>',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(svg).toContain('&amp; &apos;co&apos;');
    expect(svg).toContain('<title>A &amp; &lt;B&gt;</title>');
  });

  it('fits every node and its label inside the view box, legend to the right', () => {
    const svg = graphSvg({
      nodes: [
        node('a', 'THEORY', -300, -200, 'A rather long label that wraps'),
        node('b', 'ANATOMY', 400, 250),
      ],
      edges: [],
      title: 't',
    });
    const [left, top, width, height] = viewBox(svg);
    expect(left).toBeLessThan(-300 - 13);
    expect(top).toBeLessThan(-200 - 13);
    expect(left + width).toBeGreaterThan(400 + 13 + legendBlock([]).width);
    expect(top + height).toBeGreaterThan(250 + 13);
  });

  it('has a sensible size for an empty graph', () => {
    const [, , width, height] = viewBox(graphSvg({ nodes: [], edges: [], title: 't' }));
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
  });
});

describe('the export legend', () => {
  it('lists the kinds drawn, in legend order, and the claim key', () => {
    const { markup } = legendBlock(['SYMPTOM', 'THEORY']);
    expect(markup.indexOf('Theories')).toBeLessThan(markup.indexOf('Symptoms'));
    expect(markup).not.toContain('Therapies');
    expect(markup).toContain('Dashed: weak evidence only');
    expect(markup).toContain('contested');
  });

  it('lists every kind when given none', () => {
    const { markup } = legendBlock([]);
    for (const look of Object.values(KIND_LOOKS)) expect(markup).toContain(`>${look.plural}<`);
  });

  it('scales as a standalone document', () => {
    const one = legendSvg(['THEORY'], 1);
    const two = legendSvg(['THEORY'], 2);
    expect(two.width).toBe(one.width * 2);
    expect(two.markup).toContain(`width="${two.width}"`);
  });
});

describe('text helpers', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('wraps labels on word boundaries', () => {
    expect(wrapLabel('Disrupted glucose supply to the brain', 20)).toEqual([
      'Disrupted glucose',
      'supply to the brain',
    ]);
    expect(wrapLabel('Supercalifragilisticexpialidocious', 10)).toEqual([
      'Supercalifragilisticexpialidocious',
    ]);
    expect(wrapLabel('  ', 10)).toEqual([]);
  });
});
