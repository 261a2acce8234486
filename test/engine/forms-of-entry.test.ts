import {
  CLASS_SIZE,
  PRIMARY_YEAR_GROUPS,
  SECONDARY_YEAR_GROUPS,
  feToPlaces,
  placesToFe,
  roundFeUp,
} from '../../src/engine/forms-of-entry';
import { planningErrorOf as errorOf, wrongType } from '../support/planning-error';

describe('forms of entry', () => {
  it('has the Kent conventions as constants', () => {
    expect(CLASS_SIZE).toBe(30);
    expect(PRIMARY_YEAR_GROUPS).toBe(7);
    expect(SECONDARY_YEAR_GROUPS).toBe(5);
  });

  it('reproduces the domain examples', () => {
    expect(placesToFe(660)).toBe(22); // 660 extra Reception places = 22 FE
    expect(placesToFe(120)).toBe(4); // 120 extra Year 7 places = 4 FE
    expect(placesToFe(210, PRIMARY_YEAR_GROUPS)).toBe(1); // 1 FE primary school
    expect(placesToFe(150, SECONDARY_YEAR_GROUPS)).toBe(1); // 1 FE 11-16 school
    expect(feToPlaces(22)).toBe(660);
    expect(feToPlaces(1, 7)).toBe(210);
    expect(feToPlaces(1, 5)).toBe(150);
  });

  it('keeps FE fractional and honours class size', () => {
    expect(placesToFe(45)).toBe(1.5);
    expect(placesToFe(33)).toBeCloseTo(1.1, 14);
    expect(placesToFe(0)).toBe(0);
    expect(placesToFe(56, 1, 28)).toBe(2);
    expect(placesToFe(420, 7, 20)).toBe(3); // 420 / (20 x 7)
    expect(feToPlaces(9.5)).toBe(285);
    expect(feToPlaces(1.5, 1, 28)).toBe(42);
    expect(feToPlaces(0.5, 7)).toBe(105);
  });

  it('rounds FE up to a step, ignoring float noise', () => {
    expect(roundFeUp(1.1, 0.5)).toBe(1.5);
    expect(roundFeUp(1.5, 0.5)).toBe(1.5);
    expect(roundFeUp(1.51, 0.5)).toBe(2);
    expect(roundFeUp(2, 0.5)).toBe(2);
    expect(roundFeUp(2.0000000000001, 0.5)).toBe(2);
    expect(roundFeUp(2.001, 0.5)).toBe(2.5);
    expect(roundFeUp(0, 0.5)).toBe(0);
    expect(roundFeUp(0.2, 1)).toBe(1);
    expect(roundFeUp(1.05, 0.1)).toBe(1.1); // clean decimal, not 1.1000000000000001
    expect(roundFeUp(17.8, 0.1)).toBe(17.8);
    expect(roundFeUp(0.3, 0.25)).toBe(0.5);
    expect(roundFeUp(1, 0.3)).toBeCloseTo(1.2, 14); // step that is not 1/n
    expect(roundFeUp(3.1, 2)).toBe(4);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => placesToFe(-1))).toBe('NUM: places must not be negative (got -1)');
    expect(errorOf(() => placesToFe(NaN))).toBe('NUM: places must be a finite number (got NaN)');
    expect(errorOf(() => placesToFe(Infinity))).toBe('NUM: places must be a finite number (got Infinity)');
    expect(errorOf(() => placesToFe(wrongType('660')))).toBe('VALUE: places must be a number (got "660")');
    expect(errorOf(() => placesToFe(210, 0))).toBe('NUM: year_groups must be between 1 and 20 (got 0)');
    expect(errorOf(() => placesToFe(210, 1.5))).toBe('NUM: year_groups must be a whole number (got 1.5)');
    expect(errorOf(() => placesToFe(210, 21))).toBe('NUM: year_groups must be between 1 and 20 (got 21)');
    expect(errorOf(() => placesToFe(210, 7, 0))).toBe('NUM: class_size must be greater than 0 (got 0)');
    expect(errorOf(() => placesToFe(210, 7, -30))).toBe('NUM: class_size must be greater than 0 (got -30)');
    expect(errorOf(() => placesToFe(1e308, 1, 1e-10))).toBe('NUM: forms of entry is too large to compute (the inputs are out of range)');
    expect(errorOf(() => feToPlaces(-0.5))).toBe('NUM: fe must not be negative (got -0.5)');
    expect(errorOf(() => feToPlaces(wrongType(true)))).toBe('VALUE: fe must be a number (got true)');
    expect(errorOf(() => feToPlaces(1e308, 20))).toBe('NUM: places is too large to compute (the inputs are out of range)');
    expect(errorOf(() => roundFeUp(1, 0))).toBe('NUM: step must be greater than 0 (got 0)');
    expect(errorOf(() => roundFeUp(1, -0.5))).toBe('NUM: step must be greater than 0 (got -0.5)');
    expect(errorOf(() => roundFeUp(-1, 0.5))).toBe('NUM: fe must not be negative (got -1)');
    expect(errorOf(() => roundFeUp(1e308, 1e-300))).toBe('NUM: fe / step is too large to compute (the inputs are out of range)');
    expect(errorOf(() => roundFeUp(1, wrongType(null)))).toBe('VALUE: step must be a number (got null)');
  });
});
