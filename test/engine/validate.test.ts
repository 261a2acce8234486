import {
  requireCounts,
  requireFinite,
  requireFraction,
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireSameLength,
  requirePairedCounts,
  requireLabels,
  requireOneOf,
  requireFiniteResult,
} from '../../src/engine/validate';
import { planningErrorOf as codeOf } from '../support/planning-error';

describe('validate', () => {
  it('passes good values through', () => {
    expect(requireFinite(-2.5, 'x')).toBe(-2.5);
    expect(requireNonNegative(0, 'x')).toBe(0);
    expect(requirePositive(30, 'x')).toBe(30);
    expect(requireInteger(3, 'k', 1, 10)).toBe(3);
    expect(requireFraction(0.05, 't')).toBe(0.05);
    expect(requireCounts([1, 0, 2.5], 'roll')).toEqual([1, 0, 2.5]);
  });

  it('names the argument and value in each error', () => {
    expect(codeOf(() => requireFinite('abc', 'places'))).toBe('VALUE: places must be a number (got "abc")');
    expect(codeOf(() => requireFinite(NaN, 'places'))).toBe('NUM: places must be a finite number (got NaN)');
    expect(codeOf(() => requireNonNegative(-1, 'roll'))).toBe('NUM: roll must not be negative (got -1)');
    expect(codeOf(() => requirePositive(0, 'class_size'))).toBe('NUM: class_size must be greater than 0 (got 0)');
    expect(codeOf(() => requireInteger(1.5, 'k', 1))).toBe('NUM: k must be a whole number (got 1.5)');
    expect(codeOf(() => requireInteger(0, 'k', 1))).toBe('NUM: k must be at least 1 (got 0)');
    expect(codeOf(() => requireInteger(11, 'k', 1, 10))).toBe('NUM: k must be between 1 and 10 (got 11)');
    expect(codeOf(() => requireFraction(1, 'target'))).toMatch(/^NUM: target must be a fraction/);
    expect(codeOf(() => requireCounts([], 'capacity'))).toBe('NA: capacity is empty: give at least one number');
    expect(codeOf(() => requireCounts([1, -3], 'capacity'))).toBe('NUM: capacity item 2 must not be negative (got -3)');
    expect(codeOf(() => requireSameLength([1], [1, 2], 'capacity', 'roll'))).toBe('VALUE: capacity and roll must be the same size (1 vs 2)');
  });
});

describe('validate (additions for the engine modules)', () => {
  it('requirePairedCounts checks lists, emptiness, size, then entries', () => {
    expect(requirePairedCounts([1, 2], [3, 0], 'capacity', 'roll')).toEqual([[1, 2], [3, 0]]);
    expect(codeOf(() => requirePairedCounts('x' as never, [1], 'capacity', 'roll'))).toBe('VALUE: capacity must be a list of numbers');
    expect(codeOf(() => requirePairedCounts([1], 5 as never, 'capacity', 'roll'))).toBe('VALUE: roll must be a list of numbers');
    expect(codeOf(() => requirePairedCounts([], [1], 'capacity', 'roll'))).toBe('NA: capacity is empty: give at least one number');
    expect(codeOf(() => requirePairedCounts([1], [], 'capacity', 'roll'))).toBe('NA: roll is empty: give at least one number');
    expect(codeOf(() => requirePairedCounts([1, -1], [1], 'capacity', 'roll'))).toBe('VALUE: capacity and roll must be the same size (2 vs 1)');
    expect(codeOf(() => requirePairedCounts([1], ['a'], 'capacity', 'roll'))).toBe('VALUE: roll item 1 must be a number (got "a")');
  });

  it('requireLabels wants a non-empty list of text', () => {
    expect(requireLabels(['Dover', ''], 'groups')).toEqual(['Dover', '']);
    expect(codeOf(() => requireLabels([], 'groups'))).toBe('NA: groups is empty: give at least one label');
    expect(codeOf(() => requireLabels(['a', 3], 'groups'))).toBe('VALUE: groups item 2 must be text (got 3)');
    expect(codeOf(() => requireLabels(null as never, 'groups'))).toBe('VALUE: groups must be a list of labels');
  });

  it('requireOneOf names the allowed options', () => {
    expect(requireOneOf('net', 'method', ['net', 'unfilled'])).toBe('net');
    expect(codeOf(() => requireOneOf('gross', 'method', ['net', 'unfilled']))).toBe('VALUE: method must be "net" or "unfilled" (got "gross")');
    expect(codeOf(() => requireOneOf(1, 'method', ['net']))).toBe('VALUE: method must be "net" (got 1)');
  });

  it('requireFiniteResult rejects overflow', () => {
    expect(requireFiniteResult(-2, 'x')).toBe(-2);
    expect(codeOf(() => requireFiniteResult(Infinity, 'total capacity'))).toBe(
      'NUM: total capacity is too large to compute (the inputs are out of range)',
    );
    expect(codeOf(() => requireFiniteResult(NaN, 'x'))).toMatch(/^NUM: x is too large/);
  });
});
