/**
 * Medical-content rules for the shipped seed (shared/reference/domain-notes.md): only checked
 * identifiers, byte-identical held texts, plain-language summaries, and disputes recorded next to
 * the claims they dispute.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeEvidence } from '../../server/src/domain/evidence-levels.ts';
import { validateSeed, type ValidSeed } from '../../server/src/seed/validate-seed.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const sharedSeeds = path.resolve(repo, '../shared/seeds');

// Identifiers the domain notes mark as checked (section 6 for ontology ids, section 4 for DOIs and PMIDs).
const CHECKED_XREFS = new Set([
  'MONDO:0005546',
  'MESH:D005356',
  'UMLS:C0016053',
  'HP:0012532',
  'HP:0012533',
  'HP:0031005',
  'HP:0003326',
  'HP:0030833',
  'HP:0025258',
  'HP:0030834',
  'HP:0012378',
  'HP:0012432',
  'HP:0033630',
  'HP:0100543',
  'HP:5200292',
  'HP:0002360',
  'HP:0100785',
  'HP:0003552',
  'HP:0005197',
  'HP:0002315',
  'HP:0002076',
  'HP:0000716',
  'HP:0000739',
  'HP:0003401',
  'HP:0004370',
  'HP:6000855',
  'HP:0030880',
  'HP:0002027',
  'HP:0100607',
  'HP:0012452',
  'HP:0003546',
  'HP:0030973',
  'HP:0500093',
  'HP:0012393',
  'HP:0002716',
  'HP:5200287',
  'CHEBI:36796',
  'CHEBI:135005',
  'CHEBI:64356',
  'CHEBI:42797',
  'CHEBI:2666',
  'CL:0000129',
  'CL:0000101',
  'GO:0048265',
  'GO:0019233',
]);
const CHECKED_DOIS = new Set([
  '10.1016/j.mehy.2005.10.037',
  '10.1111/pme.12139',
  '10.1016/j.bbi.2018.09.018',
  '10.2147/JPR.S128508',
  '10.1016/j.pain.2013.06.001',
  '10.3390/diagnostics12051135',
  '10.1172/JCI144201',
  '10.1016/j.pain.2010.09.030',
  '10.1002/art.1780371105',
  '10.1007/s00296-008-0738-x',
  '10.1093/cvr/cvq062',
  '10.1113/expphysiol.1991.sp003549',
  '10.1186/ar1459',
  '10.1097/j.pain.0000000000001640',
  '10.1002/acr.20140',
  '10.1136/annrheumdis-2016-209724',
  '10.1155/2015/610615',
  '10.1155/2014/379715',
]);
const CHECKED_PMIDS = new Set([
  '23691965',
  '30223011',
  '35626288',
  '34196305',
  '20961685',
  '24737367',
  '169541',
  '18853166',
  '1768414',
  '27377815',
  '26246841',
  '25477991',
]);

let seed: ValidSeed;
beforeAll(async () => {
  const validation = await validateSeed(path.join(repo, 'seed'));
  expect(validation.errorCount).toBe(0);
  seed = validation.seed;
});

describe('the shipped seed content', () => {
  it('uses only ontology ids, DOIs and PMIDs the domain notes mark as checked', () => {
    const xrefs = [...seed.nodes, ...seed.sources].flatMap((record) => record.xrefs);
    expect(xrefs.filter((xref) => !CHECKED_XREFS.has(xref))).toEqual([]);
    expect(
      seed.sources.flatMap((source) =>
        source.doi === null || CHECKED_DOIS.has(source.doi) ? [] : [source.doi],
      ),
    ).toEqual([]);
    expect(
      seed.sources.flatMap((source) =>
        source.pmid === null || CHECKED_PMIDS.has(source.pmid) ? [] : [source.pmid],
      ),
    ).toEqual([]);
  });

  it('gives every node a summary of two to four sentences', () => {
    const counts = seed.nodes.map((node) => [node.id, sentences(node.summary)] as const);
    expect(counts.filter(([, count]) => count < 2 || count > 4)).toEqual([]);
  });

  it('quotes only sources whose text the project holds', () => {
    const held = new Set(
      seed.sources.filter((source) => source.heldText !== null).map((source) => source.id),
    );
    const quoting = seed.claims.flatMap((claim) => claim.evidence.filter((item) => item.quote !== null));
    expect(quoting.length).toBeGreaterThan(0);
    expect(quoting.filter((item) => !held.has(item.sourceId))).toEqual([]);
  });

  it('records at least one contested claim with a hypothesis-level dispute', () => {
    const contested = seed.claims.filter((claim) => summarizeEvidence(claim.evidence).contested);
    expect(contested.length).toBeGreaterThan(0);
    expect(
      contested.some((claim) =>
        claim.evidence.some((item) => item.stance === 'disputes' && item.level === 'hypothesis'),
      ),
    ).toBe(true);
  });

  it.skipIf(!fs.existsSync(sharedSeeds))('holds byte-identical copies of the two posts', () => {
    for (const name of ['another-fibro-explanation.txt', 'neck-and-shoulder-pain.txt']) {
      expect(
        fs
          .readFileSync(path.join(repo, 'seed/texts', name))
          .equals(fs.readFileSync(path.join(sharedSeeds, name))),
      ).toBe(true);
    }
  });
});

function sentences(text: string): number {
  return text
    .replace(/\bet al\./g, 'et al')
    .split(/[.!?](?:\s|$)/)
    .filter((part) => part.trim() !== '').length;
}
