import { buildHierarchy, pathToRoot, rollUp, sumBy, type Hierarchy } from '../../src/engine/grouping';
import { planningErrorOf as errorOf, wrongType } from '../support/planning-error';

/** A slice of Kent: schools -> planning areas -> districts -> areas -> county. */
const KENT: [string, string][] = [
  ['Oakfield Primary', 'Dartford East'],
  ['Westgate Primary', 'Dartford East'],
  ['Temple Hill Primary', 'Dartford West'],
  ['Dartford East', 'Dartford'],
  ['Dartford West', 'Dartford'],
  ['Northfleet Primary', 'Gravesend'],
  ['Gravesend', 'Gravesham'],
  ['Dartford', 'North'],
  ['Gravesham', 'North'],
  ['Aylesham Primary', 'Dover Rural'],
  ['Dover Rural', 'Dover'],
  ['Dover', 'South'],
  ['North', 'Kent'],
  ['South', 'Kent'],
];

describe('sumBy', () => {
  it('sums repeated keys in first-appearance order', () => {
    const m = sumBy(['Dover', 'Thanet', 'Dover', 'Ashford', 'Thanet'], [10, 5, 2, 7, -1]);
    expect([...m]).toEqual([
      ['Dover', 12],
      ['Thanet', 4],
      ['Ashford', 7],
    ]);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => sumBy([], []))).toBe('NA: keys is empty: give at least one label');
    expect(errorOf(() => sumBy(['a'], [1, 2]))).toBe('VALUE: keys and values must be the same size (1 vs 2)');
    expect(errorOf(() => sumBy(['a', 'b'], [1, NaN]))).toBe('NUM: values item 2 must be a finite number (got NaN)');
    expect(errorOf(() => sumBy(['a'], [wrongType('x')]))).toBe('VALUE: values item 1 must be a number (got "x")');
    expect(errorOf(() => sumBy([wrongType(1)], [1]))).toBe('VALUE: keys item 1 must be text (got 1)');
    expect(errorOf(() => sumBy(['a'], wrongType(3)))).toBe('VALUE: values must be a list of numbers');
    expect(errorOf(() => sumBy(['a', 'a'], [1e308, 1e308]))).toBe('NUM: the sum for "a" is too large to compute (the inputs are out of range)');
  });
});

describe('buildHierarchy and pathToRoot', () => {
  it('walks school -> planning area -> district -> area -> county', () => {
    const h = buildHierarchy(KENT);
    expect(h.parentOf.get('Dartford')).toBe('North');
    expect(pathToRoot(h, 'Oakfield Primary')).toEqual(['Oakfield Primary', 'Dartford East', 'Dartford', 'North', 'Kent']);
    expect(pathToRoot(h, 'Kent')).toEqual(['Kent']);
    expect(pathToRoot(h, 'Unknown School')).toEqual(['Unknown School']);
  });

  it('accepts an exact repeated pair', () => {
    const h = buildHierarchy([['Dover', 'South'], ['Dover', 'South']]);
    expect([...h.parentOf]).toEqual([['Dover', 'South']]);
  });

  it('rejects a child with two parents, a cycle and malformed rows', () => {
    expect(errorOf(() => buildHierarchy([['Dover', 'South'], ['Dover', 'East']]))).toBe(
      'VALUE: hierarchy row 2: "Dover" has two parents ("South" and "East")',
    );
    expect(errorOf(() => buildHierarchy([['A', 'B'], ['B', 'C'], ['C', 'A']]))).toBe(
      'VALUE: the hierarchy has a cycle: "A" -> "B" -> "C" -> "A"',
    );
    // a cycle reached from a branch outside it
    expect(errorOf(() => buildHierarchy([['school', 'A'], ['A', 'B'], ['B', 'A']]))).toBe('VALUE: the hierarchy has a cycle: "A" -> "B" -> "A"');
    expect(errorOf(() => buildHierarchy([['Kent', 'Kent']]))).toBe('VALUE: hierarchy row 1: "Kent" cannot be its own parent');
    expect(errorOf(() => buildHierarchy([]))).toBe('NA: hierarchy is empty: give at least one child-parent pair');
    expect(errorOf(() => buildHierarchy([wrongType(['a'])]))).toBe('VALUE: hierarchy row 1 must be a child and its parent');
    expect(errorOf(() => buildHierarchy([['a', ' ']]))).toBe('VALUE: hierarchy row 1: the parent must be non-blank text (got " ")');
    expect(errorOf(() => buildHierarchy([[wrongType(5), 'b']]))).toBe('VALUE: hierarchy row 1: the child must be non-blank text (got 5)');
    expect(errorOf(() => buildHierarchy(wrongType('a,b')))).toBe('VALUE: hierarchy must be a list of child-parent pairs');
  });

  it('pathToRoot refuses a hand-built cyclic or malformed hierarchy', () => {
    const cyclic: Hierarchy = { parentOf: new Map([['A', 'B'], ['B', 'A']]) };
    expect(errorOf(() => pathToRoot(cyclic, 'A'))).toBe('VALUE: the hierarchy has a cycle: "A" -> "B" -> "A"');
    expect(errorOf(() => pathToRoot(wrongType({}), 'A'))).toBe('VALUE: hierarchy must come from buildHierarchy (a parentOf map)');
    expect(errorOf(() => pathToRoot(buildHierarchy(KENT), wrongType(3)))).toBe('VALUE: node must be text (got 3)');
  });
});

describe('rollUp', () => {
  const h = buildHierarchy(KENT);
  const rolls: [string, number][] = [
    ['Oakfield Primary', 420],
    ['Westgate Primary', 210],
    ['Temple Hill Primary', 630],
    ['Northfleet Primary', 315],
    ['Aylesham Primary', 105],
  ];

  it('totals every level, worked by hand', () => {
    const t = rollUp(h, rolls);
    expect(t.get('Oakfield Primary')).toBe(420);
    expect(t.get('Dartford East')).toBe(630); // 420 + 210
    expect(t.get('Dartford West')).toBe(630);
    expect(t.get('Dartford')).toBe(1260);
    expect(t.get('Gravesham')).toBe(315);
    expect(t.get('North')).toBe(1575); // 1260 + 315
    expect(t.get('South')).toBe(105);
    expect(t.get('Kent')).toBe(1680);
    expect(t.size).toBe(15); // every node in the hierarchy
  });

  it('takes a Map, sums repeated labels and keeps unknown labels as roots', () => {
    const t = rollUp(h, [['Oakfield Primary', 100], ['Oakfield Primary', 20], ['Isle of Sheppey Academy', 50]]);
    expect(t.get('Oakfield Primary')).toBe(120);
    expect(t.get('Kent')).toBe(120);
    expect(t.get('Isle of Sheppey Academy')).toBe(50);
    expect(t.get('Dover')).toBe(0);
    expect([...t.keys()].slice(0, 3)).toEqual(['Oakfield Primary', 'Dartford East', 'Westgate Primary']);
    expect([...t.keys()][t.size - 1]).toBe('Isle of Sheppey Academy');
    expect(rollUp(h, new Map(rolls))).toEqual(rollUp(h, rolls));
  });

  it('adds a value given at an inner node to its own total and its ancestors', () => {
    const t = rollUp(h, [['Dover Rural', 40], ['Aylesham Primary', 10]]);
    expect(t.get('Dover Rural')).toBe(50);
    expect(t.get('Aylesham Primary')).toBe(10);
    expect(t.get('Kent')).toBe(50);
  });

  it('rolls up negative measures such as deficits', () => {
    const t = rollUp(h, [['Oakfield Primary', -12], ['Westgate Primary', 5]]);
    expect(t.get('Dartford East')).toBe(-7);
  });

  it('rejects bad input with the documented errors', () => {
    expect(errorOf(() => rollUp(h, []))).toBe('NA: values is empty: give at least one label and value');
    expect(errorOf(() => rollUp(h, [['Dover', NaN]]))).toBe('NUM: the value for "Dover" must be a finite number (got NaN)');
    expect(errorOf(() => rollUp(h, [['Dover', wrongType('12')]]))).toBe('VALUE: the value for "Dover" must be a number (got "12")');
    expect(errorOf(() => rollUp(h, [wrongType([3, 4])]))).toBe('VALUE: values row 1 must be a label and a number');
    expect(errorOf(() => rollUp(h, wrongType(5)))).toBe('VALUE: values must be a Map or a list of [label, value] rows');
    expect(errorOf(() => rollUp(wrongType(null), [['a', 1]]))).toBe('VALUE: hierarchy must come from buildHierarchy (a parentOf map)');
    const cyclic: Hierarchy = { parentOf: new Map([['A', 'B'], ['B', 'A']]) };
    expect(errorOf(() => rollUp(cyclic, [['A', 1]]))).toBe('VALUE: the hierarchy has a cycle: "A" -> "B" -> "A"');
    expect(errorOf(() => rollUp(h, [['Dover', 1e308], ['Dover Rural', 1e308]]))).toBe(
      'NUM: the total for "Dover" is too large to compute (the inputs are out of range)',
    );
  });
});
