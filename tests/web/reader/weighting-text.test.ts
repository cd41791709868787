/** The what-if in words. */
import { describe, expect, it } from 'vitest';
import { weightingText } from '../../../web/src/panels/weighting-text.ts';
import { NO_WEIGHTING } from '../../../web/src/state/view-state.ts';

describe('weightingText', () => {
  it('names what is left out, levels strongest first', () => {
    expect(weightingText(NO_WEIGHTING)).toBe('leaving nothing out');
    expect(weightingText({ levels: ['ANECDOTE', 'RCT'], stances: ['DISPUTES'], unverified: true })).toBe(
      'leaving out randomised trials; personal accounts and blog posts; disputing evidence; items the curator could not verify',
    );
  });
});
