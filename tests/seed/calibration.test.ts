/**
 * The calibration (seed/CALIBRATION.md): the certainty the shipped seed derives for each therapy →
 * outcome pair, against the published review's own grade. The table in CALIBRATION.md is the test's
 * data, so the document and the test cannot drift apart: each row's "derived" column must be what the
 * graph derives today, and the agreement must hold (no pair two or more steps off, at least two
 * thirds exact).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assessCertainty,
  CERTAINTIES,
  gradeRank,
  type Certainty,
} from '../../server/src/domain/certainty.ts';
import { validateSeed, type ValidSeed } from '../../server/src/seed/validate-seed.ts';

const repo = path.resolve(import.meta.dirname, '../..');

interface CalibrationRow {
  readonly therapy: string;
  readonly claimId: string;
  /** The review's own grade; null when no stored copy shows one (listed, not counted). */
  readonly reference: Certainty | null;
  /** True when the reference is not one of the claim's own items, so agreeing tests the rules. */
  readonly independent: boolean;
  readonly derived: Certainty | null;
}

/** 'very low' → 'very-low'; '—' → null. */
function gradeOf(cell: string): Certainty | null {
  if (cell === '—') return null;
  const grade = cell.replace(' ', '-');
  if (!(CERTAINTIES as readonly string[]).includes(grade)) throw new Error(`not a grade: "${cell}"`);
  return grade as Certainty;
}

/** The rows of the table under "## The table". */
function readCalibration(): CalibrationRow[] {
  const text = fs.readFileSync(path.join(repo, 'seed/CALIBRATION.md'), 'utf8');
  const table = text.slice(text.indexOf('## The table'), text.indexOf('## Agreement'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ') && line.includes('`claim:'))
    .map((line) => {
      const cells = line.split(' | ').map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim());
      const claimId = /`(claim:[^`]+)`/.exec(cells[1] ?? '')?.[1];
      if (claimId === undefined) throw new Error(`no claim id in: ${line}`);
      return {
        therapy: cells[0] ?? '',
        claimId,
        reference: gradeOf(cells[2] ?? ''),
        independent: cells[3] === 'yes',
        derived: gradeOf(cells[7] ?? ''),
      };
    });
}

describe('calibration against Cochrane and EULAR', () => {
  let seed: ValidSeed;
  let rows: CalibrationRow[];
  beforeAll(async () => {
    const validation = await validateSeed(path.join(repo, 'seed'));
    expect(validation.errorCount).toBe(0);
    seed = validation.seed;
    rows = readCalibration();
  });

  const derive = (claimId: string): Certainty | null => {
    const claim = seed.claims.find((candidate) => candidate.id === claimId);
    if (claim === undefined) throw new Error(`${claimId} is not in the seed`);
    return assessCertainty(claim.relation, claim.evidence).certainty;
  };

  it('lists at least 14 pairs with a reference, covering the therapies the weighing issue names', () => {
    expect(rows.filter((row) => row.reference !== null).length).toBeGreaterThanOrEqual(14);
    const listed = new Set(rows.map((row) => row.therapy.toLowerCase()));
    for (const therapy of [
      'aerobic exercise',
      'duloxetine',
      'pregabalin',
      'milnacipran',
      'amitriptyline',
      'cognitive behavioural therapy',
      'tai chi',
      'balneotherapy and hydrotherapy',
      'acupuncture',
      'cyclobenzaprine',
      'tramadol',
      'patient education',
      'gabapentin',
      'strong opioids',
      'nsaids',
    ]) {
      expect(listed.has(therapy), therapy).toBe(true);
    }
  });

  it('says in CALIBRATION.md what the shipped seed derives for every pair', () => {
    expect(rows.map((row) => [row.claimId, derive(row.claimId)])).toEqual(
      rows.map((row) => [row.claimId, row.derived]),
    );
  });

  it('is never two or more steps from the published grade, and exact for at least two thirds', () => {
    const referenced = rows.filter((row) => row.reference !== null);
    const steps = referenced.map((row) => {
      const derived = derive(row.claimId);
      const reference = row.reference as Certainty;
      return { row, derived, off: derived === null ? Infinity : gradeRank(derived) - gradeRank(reference) };
    });
    // The agreement table, for the closing note and anyone checking the calibration by hand.
    const independent = steps.filter(({ row }) => row.independent);
    console.log(
      `${steps.filter(({ off }) => off === 0).length} of ${steps.length} exact; ` +
        `${independent.filter(({ off }) => off === 0).length} of ${independent.length} independent references exact`,
    );
    console.log(
      [
        'therapy | reference | derived | steps',
        ...steps.map(
          ({ row, derived, off }) =>
            `${row.therapy} | ${row.reference} | ${derived} | ${off > 0 ? `+${off} (lower)` : off < 0 ? `${off} (higher)` : '0'}`,
        ),
      ].join('\n'),
    );
    expect(steps.filter(({ off }) => Math.abs(off) >= 2).map(({ row }) => row.therapy)).toEqual([]);
    const exact = steps.filter(({ off }) => off === 0).length;
    expect(exact * 3).toBeGreaterThanOrEqual(referenced.length * 2);
  });
});
