/**
 * Keeps the figures stored on each claim relationship (certainty, strength, best level, counts) in
 * step with the rules that derive them. Walks and researchers' Cypher read them from the
 * relationship, so when the rules change (DERIVED_FIGURES_VERSION), every claim is derived again once,
 * at open, before the store serves anything.
 */
import { CERTAINTY_RULES_VERSION } from '../../domain/certainty.ts';
import type { CypherRunner } from './cypher-runner.ts';
import { claimFromRow, claimProps } from './records.ts';

/**
 * The version of the derivation rules: the certainty rules' own (certainty.ts), so a change of rules
 * derives every stored claim again. Version 1 was never recorded.
 */
export const DERIVED_FIGURES_VERSION = CERTAINTY_RULES_VERSION;

/** Claims rewritten per transaction. */
const BATCH = 500;

/** Derives every claim's figures again if they follow older rules; returns how many claims it rewrote. */
export async function refreshDerivedFigures(runner: CypherRunner): Promise<number> {
  const [row] = await runner.read((tx) => tx.run('derived-figures-version'));
  if (row?.['version'] === DERIVED_FIGURES_VERSION) return 0;
  const claims = (await runner.read((tx) => tx.run('export-claims'))).map(claimFromRow);
  for (let start = 0; start < claims.length; start += BATCH) {
    const batch = claims.slice(start, start + BATCH);
    await runner.write(async (tx) => {
      for (const claim of batch) await tx.run('set-claim', { props: claimProps(claim) });
      await tx.run('bump-revision');
    });
  }
  await runner.write((tx) => tx.run('set-derived-figures-version', { version: DERIVED_FIGURES_VERSION }));
  return claims.length;
}
