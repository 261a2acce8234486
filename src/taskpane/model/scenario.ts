/**
 * Scenario definitions, stored in the workbook (gateway setting 'kpp.scenarios') so they survive save
 * and reopen. The setting holds a JSON array; each element carries the schema version it was written
 * with (`schema: 1`). Loading is tolerant: corrupt JSON or a damaged entry never throws, it yields the
 * scenarios that could be read plus plain-words problems.
 */
import type { InputSource, WorkbookGateway } from '../../excel/gateway';
import type { AveragingMethod } from '../../engine';
import type { ColumnRole, ColumnRoleKind, RollsLayout, YearGroup } from './rolls';
import { YEAR_GROUPS } from './rolls';

export interface ScenarioParameters {
  /** Forecast years, 1..15. */
  horizon: number;
  /** Ratio window k (how many recent ratios are averaged), 1..10. */
  ratioYears: number;
  method: AveragingMethod;
  /** Smoothing factor for 'exponential', 0 < alpha <= 1. */
  alpha: number;
  /** Pupils per new dwelling across all the year groups of the table (Kent primary: 0.28 over R-Y6). */
  yieldPerDwelling: number;
  /** Target surplus (bottom of the planning band), 0..0.5. */
  target: number;
  /** Top of the planning band, target..0.5. */
  targetMax: number;
  /** A shortfall lasting this many consecutive forecast years calls for permanent places. */
  persistYears: number;
  /** Free-text assumptions, written into the parameters block. */
  assumptions: string;
}

export const DEFAULT_PARAMETERS: ScenarioParameters = {
  horizon: 5,
  ratioYears: 3,
  method: 'mean',
  alpha: 0.5,
  yieldPerDwelling: 0.28,
  target: 0.05,
  targetMax: 0.07,
  persistYears: 3,
  assumptions: '',
};

export interface Scenario {
  id: string;
  name: string;
  input: InputSource;
  inputLabel: string;
  layout: RollsLayout;
  parameters: ScenarioParameters;
  /** ISO date-time of the last save. */
  savedAt: string;
}

/** The workbook setting the scenarios live under. */
export const SCENARIOS_SETTING = 'kpp.scenarios';
/** The schema version this code writes. */
export const SCENARIO_SCHEMA = 1;
/** Limits on the parameters (shared with the UI's hints). */
export const LIMITS = {
  horizon: { min: 1, max: 15 },
  ratioYears: { min: 1, max: 10 },
  yieldPerDwelling: { min: 0, max: 2 },
  target: { min: 0, max: 0.5 },
  persistYears: { min: 1, max: 15 },
  assumptionsLength: 5000,
  nameLength: 100,
} as const;

const METHODS: readonly AveragingMethod[] = ['mean', 'pooled', 'weighted', 'exponential', 'median135'];
const ROLES: readonly ColumnRoleKind[] = ['district', 'area', 'year', 'yearGroup', 'driver', 'capacity', 'dwellings', 'ignore'];

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(10))}%`;
}

function isWhole(v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

/**
 * Checks scenario parameters; returns plain-words problems ([] when all is well).
 *
 * @example
 * validateParameters({ ...DEFAULT_PARAMETERS, horizon: 20 })
 * // ['The horizon must be a whole number of years from 1 to 15 (got 20).']
 */
export function validateParameters(p: ScenarioParameters): string[] {
  const out: string[] = [];
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!finite(p.horizon) || !isWhole(p.horizon, LIMITS.horizon.min, LIMITS.horizon.max)) {
    out.push(`The horizon must be a whole number of years from ${LIMITS.horizon.min} to ${LIMITS.horizon.max} (got ${String(p.horizon)}).`);
  }
  if (!finite(p.ratioYears) || !isWhole(p.ratioYears, LIMITS.ratioYears.min, LIMITS.ratioYears.max)) {
    out.push(`The ratio window must be a whole number of years from ${LIMITS.ratioYears.min} to ${LIMITS.ratioYears.max} (got ${String(p.ratioYears)}).`);
  }
  if (!METHODS.includes(p.method)) {
    out.push(`The averaging method must be one of ${METHODS.join(', ')} (got ${String(p.method)}).`);
  }
  if (!finite(p.alpha) || p.alpha <= 0 || p.alpha > 1) {
    out.push(`Alpha (exponential smoothing) must be more than 0 and at most 1 (got ${String(p.alpha)}).`);
  }
  if (!finite(p.yieldPerDwelling) || p.yieldPerDwelling < LIMITS.yieldPerDwelling.min || p.yieldPerDwelling > LIMITS.yieldPerDwelling.max) {
    out.push(`The housing yield must be between ${LIMITS.yieldPerDwelling.min} and ${LIMITS.yieldPerDwelling.max} pupils per dwelling (got ${String(p.yieldPerDwelling)}).`);
  }
  const targetOk = finite(p.target) && p.target >= LIMITS.target.min && p.target <= LIMITS.target.max;
  const maxOk = finite(p.targetMax) && p.targetMax >= LIMITS.target.min && p.targetMax <= LIMITS.target.max;
  if (!targetOk) out.push(`The target surplus must be between 0% and 50% (got ${finite(p.target) ? pct(p.target) : String(p.target)}).`);
  if (!maxOk) out.push(`The top of the target band must be between 0% and 50% (got ${finite(p.targetMax) ? pct(p.targetMax) : String(p.targetMax)}).`);
  if (targetOk && maxOk && p.target > p.targetMax) {
    out.push(`The target surplus (${pct(p.target)}) cannot be above the top of the target band (${pct(p.targetMax)}).`);
  }
  if (!finite(p.persistYears) || !isWhole(p.persistYears, LIMITS.persistYears.min, LIMITS.persistYears.max)) {
    out.push(`Permanent places need a shortfall lasting a whole number of years from ${LIMITS.persistYears.min} to ${LIMITS.persistYears.max} (got ${String(p.persistYears)}).`);
  } else if (finite(p.horizon) && isWhole(p.horizon, LIMITS.horizon.min, LIMITS.horizon.max) && p.persistYears > p.horizon) {
    out.push(`The years a shortfall must last before places are made permanent (${p.persistYears}) cannot be more than the horizon (${p.horizon}).`);
  }
  if (typeof p.assumptions !== 'string') out.push('The assumptions must be text.');
  else if (p.assumptions.length > LIMITS.assumptionsLength) {
    out.push(`The assumptions are ${p.assumptions.length.toLocaleString('en-GB')} characters long; keep them under ${LIMITS.assumptionsLength.toLocaleString('en-GB')}.`);
  }
  return out;
}

/** Checks a whole scenario before it is saved: name, input and parameters. */
export function validateScenario(s: Scenario): string[] {
  const out: string[] = [];
  if (typeof s.name !== 'string' || s.name.trim() === '') out.push('Give the scenario a name.');
  else if (s.name.length > LIMITS.nameLength) out.push(`The scenario name is too long (${s.name.length} characters; at most ${LIMITS.nameLength}).`);
  if (typeof s.id !== 'string' || s.id.trim() === '') out.push('The scenario has no id.');
  if (!isInputSource(s.input)) out.push('The scenario has no input range.');
  if (!isLayout(s.layout)) out.push('The scenario has no column layout.');
  out.push(...validateParameters(s.parameters));
  return out;
}

/** A new scenario id, unique among `existing`. */
export function newScenarioId(existing: readonly { id: string }[] = [], now: number = Date.now()): string {
  const taken = new Set(existing.map((s) => s.id));
  let n = 0;
  for (;;) {
    const id = `s${now.toString(36)}${n === 0 ? '' : `-${n}`}`;
    if (!taken.has(id)) return id;
    n++;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInputSource(v: unknown): v is InputSource {
  if (!isObject(v)) return false;
  if ((v.kind === 'table' || v.kind === 'name') && typeof v.name === 'string') return true;
  return v.kind === 'range' && typeof v.sheet === 'string' && typeof v.address === 'string';
}

function isColumnRole(v: unknown): v is ColumnRole {
  return (
    isObject(v) &&
    typeof v.index === 'number' &&
    typeof v.header === 'string' &&
    ROLES.includes(v.role as ColumnRoleKind) &&
    typeof v.confident === 'boolean' &&
    (v.yearGroup === undefined || YEAR_GROUPS.includes(v.yearGroup as YearGroup))
  );
}

function isLayout(v: unknown): v is RollsLayout {
  return isObject(v) && Array.isArray(v.columns) && v.columns.every(isColumnRole);
}

/** Reads stored parameters, filling any field missing from an older save with its default. */
function readParameters(v: unknown): ScenarioParameters | null {
  if (!isObject(v)) return null;
  const p: ScenarioParameters = { ...DEFAULT_PARAMETERS };
  for (const key of Object.keys(DEFAULT_PARAMETERS) as (keyof ScenarioParameters)[]) {
    if (v[key] === undefined) continue;
    if (typeof v[key] !== typeof DEFAULT_PARAMETERS[key]) return null;
    (p as unknown as Record<string, unknown>)[key] = v[key];
  }
  return p;
}

/** What {@link ScenarioStore.load} found. */
export interface LoadedScenarios {
  scenarios: Scenario[];
  /** Plain-words problems (corrupt setting, entries skipped); [] when everything loaded. */
  problems: string[];
}

/** Parses the stored setting text; never throws. Entries of a newer schema are kept aside unchanged. */
export function parseStoredScenarios(text: string | null): LoadedScenarios & { foreign: unknown[] } {
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  const foreign: unknown[] = [];
  if (text === null || text.trim() === '') return { scenarios, problems, foreign };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    problems.push('The saved scenarios in this workbook could not be read (the stored text is damaged), so the list starts empty. Saving a scenario will replace the damaged text.');
    return { scenarios, problems, foreign };
  }
  if (!Array.isArray(data)) {
    problems.push('The saved scenarios in this workbook are not in the expected form, so the list starts empty. Saving a scenario will replace them.');
    return { scenarios, problems, foreign };
  }
  const ids = new Set<string>();
  data.forEach((entry, i) => {
    if (isObject(entry) && typeof entry.schema === 'number' && entry.schema > SCENARIO_SCHEMA) {
      foreign.push(entry);
      problems.push(`Saved scenario ${typeof entry.name === 'string' ? `"${entry.name}"` : i + 1} was saved by a newer version of the add-in and is not shown (it is kept in the workbook).`);
      return;
    }
    const parameters = isObject(entry) ? readParameters(entry.parameters) : null;
    const ok =
      isObject(entry) &&
      typeof entry.id === 'string' &&
      entry.id !== '' &&
      typeof entry.name === 'string' &&
      isInputSource(entry.input) &&
      isLayout(entry.layout) &&
      parameters !== null;
    if (!ok) {
      const name = isObject(entry) && typeof entry.name === 'string' ? `"${entry.name}"` : `number ${i + 1}`;
      problems.push(`Saved scenario ${name} is damaged and was skipped.`);
      return;
    }
    if (ids.has(entry.id as string)) {
      problems.push(`Saved scenario "${entry.name as string}" repeats the id of an earlier one and was skipped.`);
      return;
    }
    ids.add(entry.id as string);
    scenarios.push({
      id: entry.id as string,
      name: entry.name as string,
      input: entry.input as InputSource,
      inputLabel: typeof entry.inputLabel === 'string' ? entry.inputLabel : '',
      layout: entry.layout as RollsLayout,
      parameters: parameters as ScenarioParameters,
      savedAt: typeof entry.savedAt === 'string' ? entry.savedAt : '',
    });
  });
  return { scenarios, problems, foreign };
}

/** Error thrown by {@link ScenarioStore.save} for a scenario that fails validation. */
export class ScenarioValidationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join(' '));
    this.name = 'ScenarioValidationError';
    this.problems = problems;
    Object.setPrototypeOf(this, ScenarioValidationError.prototype);
  }
}

/**
 * Scenario definitions kept in the workbook.
 *
 * @example
 * const store = new ScenarioStore(gateway);
 * await store.save({ ...scenario, id: newScenarioId(await store.list()) });
 */
export class ScenarioStore {
  /** Problems found by the last load (list/load/save/remove). */
  lastProblems: string[] = [];

  constructor(private readonly gateway: WorkbookGateway) {}

  /** The saved scenarios and any problems reading them. Never throws on damaged content. */
  async load(): Promise<LoadedScenarios> {
    const { scenarios, problems } = parseStoredScenarios(await this.gateway.loadSetting(SCENARIOS_SETTING));
    this.lastProblems = problems;
    return { scenarios, problems };
  }

  /** The saved scenarios (problems go to `lastProblems`). */
  async list(): Promise<Scenario[]> {
    return (await this.load()).scenarios;
  }

  /**
   * Saves a scenario: replaces the one with the same id, or appends it. Throws
   * ScenarioValidationError (plain-words problems) when the scenario is not valid.
   */
  async save(s: Scenario): Promise<void> {
    const problems = validateScenario(s);
    if (problems.length > 0) throw new ScenarioValidationError(problems);
    const loaded = parseStoredScenarios(await this.gateway.loadSetting(SCENARIOS_SETTING));
    const list = loaded.scenarios.slice();
    const at = list.findIndex((x) => x.id === s.id);
    const copy: Scenario = JSON.parse(JSON.stringify(s)) as Scenario;
    if (at >= 0) list[at] = copy;
    else list.push(copy);
    await this.write(list, loaded.foreign);
    this.lastProblems = loaded.problems;
  }

  /** Removes the scenario with this id (nothing happens when there is none). */
  async remove(id: string): Promise<void> {
    const loaded = parseStoredScenarios(await this.gateway.loadSetting(SCENARIOS_SETTING));
    const list = loaded.scenarios.filter((x) => x.id !== id);
    if (list.length !== loaded.scenarios.length) await this.write(list, loaded.foreign);
    this.lastProblems = loaded.problems;
  }

  private async write(list: Scenario[], foreign: unknown[]): Promise<void> {
    const stored = [...list.map((s) => ({ schema: SCENARIO_SCHEMA, ...s })), ...foreign];
    await this.gateway.saveSetting(SCENARIOS_SETTING, JSON.stringify(stored));
  }
}
