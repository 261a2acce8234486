/**
 * Grouping: summing a measure by label, and up a geographic hierarchy
 * (school -> planning area -> district -> area -> county).
 */
import { fail } from './errors';
import { requireFinite, requireFiniteResult, requireLabels, requireSameLength } from './validate';

/**
 * Sums values by key, keeping the keys in the order they first appear. Repeated keys are summed,
 * so rows need not be sorted or unique.
 *
 * @param keys one label per value (e.g. the district of each school)
 * @param values the numbers to sum, finite (negative allowed, e.g. a deficit)
 * @returns a Map from each distinct key to its sum, in first-appearance order
 * @example
 * sumBy(['Dover', 'Thanet', 'Dover'], [10, 5, 2]); // Map { 'Dover' => 12, 'Thanet' => 5 }
 * @throws {PlanningError} NA if keys is empty; VALUE if a key is not text, a value is not a number
 *   or the lists differ in size; NUM if a value is not finite or a sum overflows
 */
export function sumBy(keys: readonly string[], values: readonly number[]): Map<string, number> {
  const labels = requireLabels(keys, 'keys');
  if (!Array.isArray(values)) fail('VALUE', 'values must be a list of numbers');
  requireSameLength(labels, values, 'keys', 'values');
  const sums = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    const raw = values[i];
    // The message is only built for an entry that fails.
    const v = typeof raw === 'number' && Number.isFinite(raw) ? raw : requireFinite(raw, `values item ${i + 1}`);
    const key = labels[i];
    sums.set(key, (sums.get(key) ?? 0) + v);
  }
  for (const [key, sum] of sums) requireFiniteResult(sum, `the sum for "${key}"`);
  return sums;
}

/** A tree of places given as each node's parent (roots have no entry). */
export interface Hierarchy {
  parentOf: ReadonlyMap<string, string>;
}

/** Checks a hierarchy object has the shape {@link buildHierarchy} returns. */
function requireHierarchy(hierarchy: unknown): Hierarchy {
  if (hierarchy === null || typeof hierarchy !== 'object' || !((hierarchy as Hierarchy).parentOf instanceof Map)) {
    fail('VALUE', 'hierarchy must come from buildHierarchy (a parentOf map)');
  }
  return hierarchy as Hierarchy;
}

/** Fails on a cycle; linear time (each node is walked once, then remembered as reaching a root). */
function requireAcyclic(parentOf: ReadonlyMap<string, string>): void {
  const reachesRoot = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let node: string | undefined = start;
    while (node !== undefined && !reachesRoot.has(node)) {
      if (onPath.has(node)) {
        fail('VALUE', `the hierarchy has a cycle: ${[...path.slice(path.indexOf(node)), node].map(quote).join(' -> ')}`);
      }
      path.push(node);
      onPath.add(node);
      node = parentOf.get(node);
    }
    for (const n of path) reachesRoot.add(n);
  }
}

/** Describes a node for messages. */
function quote(node: string): string {
  return JSON.stringify(node);
}

/** Describes any value for messages: text in quotes, anything else as it prints. */
function shown(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/**
 * Builds a hierarchy from a lookup table of child -> parent pairs, e.g. school -> planning area,
 * planning area -> district, district -> area, area -> county. A pair repeated exactly is harmless.
 *
 * @param pairs rows of [child, parent], both non-blank text
 * @returns the hierarchy (each child's parent)
 * @example
 * const h = buildHierarchy([['Dartford', 'North'], ['Gravesham', 'North'], ['North', 'Kent']]);
 * h.parentOf.get('Dartford'); // 'North'
 * @throws {PlanningError} NA if pairs is empty; VALUE if a row is not two non-blank labels, a child
 *   has two different parents, a node is its own parent, or the pairs form a cycle
 */
export function buildHierarchy(pairs: readonly (readonly [child: string, parent: string])[]): Hierarchy {
  if (!Array.isArray(pairs)) fail('VALUE', 'hierarchy must be a list of child-parent pairs');
  if (pairs.length === 0) fail('NA', 'hierarchy is empty: give at least one child-parent pair');
  const parentOf = new Map<string, string>();
  pairs.forEach((pair, i) => {
    const row = `hierarchy row ${i + 1}`;
    if (!Array.isArray(pair) || pair.length !== 2) fail('VALUE', `${row} must be a child and its parent`);
    const [child, parent] = pair as readonly unknown[];
    if (typeof child !== 'string' || child.trim() === '') fail('VALUE', `${row}: the child must be non-blank text (got ${shown(child)})`);
    if (typeof parent !== 'string' || parent.trim() === '') fail('VALUE', `${row}: the parent must be non-blank text (got ${shown(parent)})`);
    if (child === parent) fail('VALUE', `${row}: ${quote(child)} cannot be its own parent`);
    const existing = parentOf.get(child);
    if (existing !== undefined && existing !== parent) {
      fail('VALUE', `${row}: ${quote(child)} has two parents (${quote(existing)} and ${quote(parent)})`);
    }
    parentOf.set(child, parent);
  });
  requireAcyclic(parentOf);
  return { parentOf };
}

/**
 * The chain from a node up to its root: the node itself, its parent, ..., the root.
 * A node with no parent (a root, or a label the hierarchy does not know) gives just itself.
 *
 * @param hierarchy the hierarchy from {@link buildHierarchy}
 * @param node the label to start from
 * @returns the labels from node to root
 * @example
 * pathToRoot(h, 'Dartford'); // ['Dartford', 'North', 'Kent']
 * @throws {PlanningError} VALUE if node is not text, hierarchy is malformed, or it contains a cycle
 *   (possible only in a hand-built hierarchy)
 */
export function pathToRoot(hierarchy: Hierarchy, node: string): string[] {
  const { parentOf } = requireHierarchy(hierarchy);
  if (typeof node !== 'string') fail('VALUE', `node must be text (got ${shown(node)})`);
  const path = [node];
  const seen = new Set(path);
  let parent = parentOf.get(node);
  while (parent !== undefined) {
    if (seen.has(parent)) fail('VALUE', `the hierarchy has a cycle: ${[...path, parent].map(quote).join(' -> ')}`);
    path.push(parent);
    seen.add(parent);
    parent = parentOf.get(parent);
  }
  return path;
}

/**
 * Sums a measure up the hierarchy: the total for every node is its own value plus the values of
 * all its descendants. Values for the same label are added together; labels the hierarchy does
 * not know are kept as their own roots.
 *
 * @param hierarchy the hierarchy from {@link buildHierarchy}
 * @param values the measure per node (usually the leaves, e.g. schools or planning areas), as a
 *   Map or a list of [label, value] rows; finite numbers (negative allowed)
 * @returns the total for every node, in the order nodes first appear in the hierarchy (child, then
 *   parent), followed by any value labels the hierarchy does not know
 * @example
 * rollUp(h, [['Dartford', 120], ['Gravesham', 80]]);
 * // Map { 'Dartford' => 120, 'North' => 200, 'Gravesham' => 80, 'Kent' => 200 }
 * @throws {PlanningError} NA if values is empty; VALUE if a row is not a label and a number, or the
 *   hierarchy is malformed or has a cycle; NUM if a value is not finite or a total overflows
 */
export function rollUp(
  hierarchy: Hierarchy,
  values: ReadonlyMap<string, number> | readonly (readonly [string, number])[],
): Map<string, number> {
  const { parentOf } = requireHierarchy(hierarchy);
  let rows: readonly unknown[];
  if (values instanceof Map) rows = [...values.entries()];
  else if (Array.isArray(values)) rows = values;
  else fail('VALUE', 'values must be a Map or a list of [label, value] rows');
  if (rows.length === 0) fail('NA', 'values is empty: give at least one label and value');
  const totals = new Map<string, number>();
  for (const [child, parent] of parentOf) {
    if (!totals.has(child)) totals.set(child, 0);
    if (!totals.has(parent)) totals.set(parent, 0);
  }
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2 || typeof row[0] !== 'string') {
      fail('VALUE', `values row ${i + 1} must be a label and a number`);
    }
    const label: string = row[0];
    const v = requireFinite(row[1], `the value for ${quote(label)}`);
    for (const node of pathToRoot(hierarchy, label)) totals.set(node, (totals.get(node) ?? 0) + v);
  });
  for (const [node, total] of totals) requireFiniteResult(total, `the total for ${quote(node)}`);
  return totals;
}
