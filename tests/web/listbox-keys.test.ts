import { describe, expect, it } from 'vitest';
import {
  listboxKeyHandler,
  nextActiveIndex,
  type ListboxKeysOptions,
} from '../../web/src/panels/listbox-keys.ts';

/** A handler over a list of `count` options, recording what it did. */
function harness(options: Partial<Pick<ListboxKeysOptions, 'count' | 'active' | 'expanded'>> = {}) {
  const { count = 3, active = 0, expanded = true } = options;
  const calls = { active, open: null as boolean | null, chosen: [] as number[], prevented: 0 };
  const press = listboxKeyHandler({
    count,
    active,
    expanded,
    setActive: (update) => {
      calls.active = update(calls.active);
    },
    setOpen: (open) => {
      calls.open = open;
    },
    choose: (index) => calls.chosen.push(index),
  });
  const key = (name: string) => {
    press({
      key: name,
      preventDefault: () => {
        calls.prevented += 1;
      },
    });
    return calls;
  };
  return key;
}

describe('nextActiveIndex', () => {
  it('moves down and up, wrapping around the ends', () => {
    expect(nextActiveIndex(0, 3, 1)).toBe(1);
    expect(nextActiveIndex(2, 3, 1)).toBe(0);
    expect(nextActiveIndex(0, 3, -1)).toBe(2);
    expect(nextActiveIndex(2, 3, -1)).toBe(1);
  });

  it('starts at the first (down) or the last (up) from no option or one that is gone', () => {
    expect(nextActiveIndex(-1, 3, 1)).toBe(0);
    expect(nextActiveIndex(-1, 3, -1)).toBe(2);
    expect(nextActiveIndex(7, 3, 1)).toBe(0);
    expect(nextActiveIndex(7, 3, -1)).toBe(2);
  });

  it('has nothing to activate in an empty list', () => {
    expect(nextActiveIndex(0, 0, 1)).toBe(-1);
    expect(nextActiveIndex(-1, 0, -1)).toBe(-1);
  });
});

describe('listboxKeyHandler', () => {
  it('opens the list on ArrowDown and moves without scrolling the page', () => {
    const calls = harness({ active: 2, expanded: false })('ArrowDown');
    expect(calls).toMatchObject({ open: true, active: 0, prevented: 1 });
    expect(harness({ active: 0 })('ArrowUp')).toMatchObject({ active: 2, prevented: 1 });
  });

  it('chooses the active option on Enter and keeps the form from submitting', () => {
    expect(harness({ active: 1 })('Enter')).toMatchObject({ chosen: [1], prevented: 1 });
  });

  it('chooses the first, best hit on Enter when no option is active', () => {
    expect(harness({ count: 3, active: -1 })('Enter')).toMatchObject({ chosen: [0], prevented: 1 });
  });

  it('lands on the first hit with the first ArrowDown after the hits arrive (none active), so Enter opens it', () => {
    const key = harness({ count: 3, active: -1 });
    expect(key('ArrowDown')).toMatchObject({ active: 0 });
  });

  it('swallows Enter while the list is shown with no hits or a stale active option, and chooses nothing', () => {
    expect(harness({ count: 0, active: -1 })('Enter')).toMatchObject({ chosen: [], prevented: 1 });
    expect(harness({ count: 2, active: 5 })('Enter')).toMatchObject({ chosen: [], prevented: 1 });
  });

  it('leaves Enter to the form while the list is closed', () => {
    expect(harness({ expanded: false })('Enter')).toMatchObject({ chosen: [], prevented: 0 });
  });

  it('closes on Escape and leaves the browser its own Escape', () => {
    expect(harness()('Escape')).toMatchObject({ open: false, prevented: 0 });
  });

  it('ignores other keys', () => {
    expect(harness()('a')).toMatchObject({ open: null, active: 0, chosen: [], prevented: 0 });
  });
});
