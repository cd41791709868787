import { describe, expect, it } from 'vitest';
import type { PathsQuery } from '../../../web/src/api/generated.ts';
import {
  answersQuestion,
  asSentence,
  hopChoices,
  namesInPaths,
  orderEvidence,
  pathQuestionProblem,
  stanceCounts,
} from '../../../web/src/panels/path-reading.ts';

type Paths = PathsQuery['paths'];

function node(id: string, name: string) {
  return { id, name, kind: 'SYMPTOM' as const };
}

/** A path answer whose paths walk these node chains; hops carry no evidence (not needed here). */
function answer(...chains: (readonly (readonly [string, string])[])[]): Paths {
  return {
    truncated: false,
    paths: chains.map((chain) => ({
      nature: 'DIRECTED' as const,
      certainty: 'LOW' as const,
      score: 0.5,
      meanStrength: 0.5,
      reading: chain.map(([, name]) => name).join(' → '),
      nodes: chain.map(([id, name]) => node(id, name)),
      hops: [],
    })),
  };
}

describe('answersQuestion', () => {
  const paths = answer([
    ['therapy:a', 'A'],
    ['symptom:b', 'B'],
    ['symptom:c', 'C'],
  ]);

  it('accepts an answer that starts and ends at the asked nodes', () => {
    expect(answersQuestion(paths, 'therapy:a', 'symptom:c')).toBe(true);
  });

  it('rejects an answer to another question, an empty answer and no answer', () => {
    expect(answersQuestion(paths, 'symptom:c', 'therapy:a')).toBe(false);
    expect(answersQuestion(paths, 'therapy:a', 'symptom:b')).toBe(false);
    expect(answersQuestion({ truncated: false, paths: [] }, 'therapy:a', 'symptom:c')).toBe(false);
    expect(answersQuestion(null, 'therapy:a', 'symptom:c')).toBe(false);
  });
});

describe('namesInPaths', () => {
  it('collects every node name on every path', () => {
    const names = namesInPaths(
      answer(
        [
          ['a', 'A'],
          ['b', 'B'],
        ],
        [
          ['a', 'A'],
          ['c', 'C'],
          ['b', 'B'],
        ],
      ),
    );
    expect(Object.fromEntries(names)).toEqual({ a: 'A', b: 'B', c: 'C' });
    expect(namesInPaths(null).size).toBe(0);
  });
});

describe('asSentence', () => {
  it('capitalises and ends with a full stop once', () => {
    expect(asSentence('aerobic exercise may relieve chronic pain')).toBe(
      'Aerobic exercise may relieve chronic pain.',
    );
    expect(asSentence('Already a sentence.')).toBe('Already a sentence.');
    expect(asSentence('  ')).toBe('');
  });
});

describe('orderEvidence', () => {
  it('puts stronger levels first, and supporting before disputing at the same level', () => {
    const ordered = orderEvidence([
      { id: '1', level: 'ANECDOTE', stance: 'SUPPORTS' },
      { id: '2', level: 'RCT', stance: 'DISPUTES' },
      { id: '3', level: 'GUIDELINE', stance: 'SUPPORTS' },
      { id: '4', level: 'RCT', stance: 'SUPPORTS' },
    ] as const);
    expect(ordered.map((item) => item.id)).toEqual(['3', '4', '2', '1']);
  });
});

describe('stanceCounts', () => {
  it('counts supporting and, when any, disputing items', () => {
    expect(stanceCounts([{ stance: 'SUPPORTS' }, { stance: 'SUPPORTS' }])).toBe('2 supporting');
    expect(stanceCounts([{ stance: 'SUPPORTS' }, { stance: 'DISPUTES' }])).toBe('1 supporting, 1 disputing');
  });
});

describe('the question form', () => {
  it('offers 1 to the maximum number of hops', () => {
    expect(hopChoices(6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('needs two different ends', () => {
    const a = { id: 'a', name: 'A' };
    const b = { id: 'b', name: 'B' };
    expect(pathQuestionProblem(null, b)).not.toBeNull();
    expect(pathQuestionProblem(a, null)).not.toBeNull();
    expect(pathQuestionProblem(a, { ...a })).not.toBeNull();
    expect(pathQuestionProblem(a, b)).toBeNull();
  });
});
