import type { WorkbookGateway } from '../../../src/excel/gateway';
import {
  DEFAULT_PARAMETERS,
  SCENARIOS_SETTING,
  ScenarioStore,
  ScenarioValidationError,
  newScenarioId,
  parseStoredScenarios,
  validateParameters,
  type Scenario,
} from '../../../src/taskpane/model/scenario';
import { detectLayout } from '../../../src/taskpane/model/rolls';

/** Only the settings half of the gateway is used by the store. */
function fakeGateway(initial: Record<string, string> = {}): WorkbookGateway & { settings: Record<string, string> } {
  const settings = { ...initial };
  const unused = () => Promise.reject(new Error('not used by the store'));
  return {
    settings,
    describe: unused,
    read: unused,
    selection: unused,
    sheetStates: unused,
    writeSheets: unused,
    loadSetting: async (key) => (key in settings ? settings[key] : null),
    saveSetting: async (key, value) => {
      settings[key] = value;
    },
  };
}

function scenario(id: string, name = `Scenario ${id}`): Scenario {
  return {
    id,
    name,
    input: { kind: 'table', name: 'PrimaryRolls' },
    inputLabel: 'table "PrimaryRolls"',
    layout: detectLayout(['District', 'Planning area', 'Year', 'R', 'Y1', 'Births']),
    parameters: { ...DEFAULT_PARAMETERS, assumptions: 'Births as ONS 2022 projection' },
    savedAt: '2025-01-02T03:04:05.000Z',
  };
}

describe('validateParameters', () => {
  test('the defaults are valid', () => {
    expect(DEFAULT_PARAMETERS).toEqual({ horizon: 5, ratioYears: 3, method: 'mean', alpha: 0.5, yieldPerDwelling: 0.28, target: 0.05, targetMax: 0.07, persistYears: 3, assumptions: '' });
    expect(validateParameters(DEFAULT_PARAMETERS)).toEqual([]);
  });
  test.each([
    [{ horizon: 0 }, 'The horizon must be a whole number of years from 1 to 15 (got 0).'],
    [{ horizon: 16 }, 'The horizon must be a whole number of years from 1 to 15 (got 16).'],
    [{ horizon: 2.5 }, 'The horizon must be a whole number of years from 1 to 15 (got 2.5).'],
    [{ ratioYears: 11 }, 'The ratio window must be a whole number of years from 1 to 10 (got 11).'],
    [{ ratioYears: Number.NaN }, 'The ratio window must be a whole number of years from 1 to 10 (got NaN).'],
    [{ alpha: 0 }, 'Alpha (exponential smoothing) must be more than 0 and at most 1 (got 0).'],
    [{ yieldPerDwelling: -0.1 }, 'The housing yield must be between 0 and 2 pupils per dwelling (got -0.1).'],
    [{ target: 0.6, targetMax: 0.07 }, 'The target surplus must be between 0% and 50% (got 60%).'],
    [{ target: 0.08, targetMax: 0.07 }, 'The target surplus (8%) cannot be above the top of the target band (7%).'],
    [{ persistYears: 6 }, 'The years a shortfall must last before places are made permanent (6) cannot be more than the horizon (5).'],
    [{ persistYears: 0 }, 'Permanent places need a shortfall lasting a whole number of years from 1 to 15 (got 0).'],
  ])('%j', (change, message) => {
    expect(validateParameters({ ...DEFAULT_PARAMETERS, ...change })).toEqual([message]);
  });
  test('an unknown method', () => {
    expect(validateParameters({ ...DEFAULT_PARAMETERS, method: 'magic' as never })[0]).toMatch(/averaging method must be one of mean, pooled/);
  });
  test('edges are allowed', () => {
    expect(validateParameters({ ...DEFAULT_PARAMETERS, horizon: 15, ratioYears: 10, target: 0, targetMax: 0.5, persistYears: 1, alpha: 1 })).toEqual([]);
  });
});

describe('ScenarioStore', () => {
  test('round trip: save, list, replace by id, remove', async () => {
    const gw = fakeGateway();
    const store = new ScenarioStore(gw);
    expect(await store.list()).toEqual([]);
    await store.save(scenario('a'));
    await store.save(scenario('b'));
    expect((await store.list()).map((s) => s.name)).toEqual(['Scenario a', 'Scenario b']);
    expect(await store.list()).toEqual([scenario('a'), scenario('b')]);
    await store.save({ ...scenario('a'), name: 'Renamed', parameters: { ...DEFAULT_PARAMETERS, horizon: 7 } });
    const list = await store.list();
    expect(list.map((s) => [s.id, s.name, s.parameters.horizon])).toEqual([['a', 'Renamed', 7], ['b', 'Scenario b', 5]]);
    await store.remove('a');
    expect((await store.list()).map((s) => s.id)).toEqual(['b']);
    // The stored form is a JSON array whose entries carry the schema version.
    const stored = JSON.parse(gw.settings[SCENARIOS_SETTING]) as { schema: number; id: string }[];
    expect(Array.isArray(stored)).toBe(true);
    expect(stored).toEqual([expect.objectContaining({ schema: 1, id: 'b' })]);
  });

  test('corrupt JSON loads as an empty list with a problem, and saving replaces it', async () => {
    const gw = fakeGateway({ [SCENARIOS_SETTING]: '{"not json' });
    const store = new ScenarioStore(gw);
    const loaded = await store.load();
    expect(loaded.scenarios).toEqual([]);
    expect(loaded.problems[0]).toMatch(/could not be read/);
    await expect(store.list()).resolves.toEqual([]);
    expect(store.lastProblems).toHaveLength(1);
    await store.save(scenario('x'));
    expect(await store.load()).toEqual({ scenarios: [scenario('x')], problems: [] });
  });

  test('damaged entries and repeated ids are skipped with problems; good ones kept', () => {
    const good = { schema: 1, ...scenario('a') };
    const text = JSON.stringify([good, { id: 'b', name: 'Broken' }, 42, { ...good, name: 'Dup' }]);
    const { scenarios, problems } = parseStoredScenarios(text);
    expect(scenarios.map((s) => s.id)).toEqual(['a']);
    expect(problems).toEqual([
      'Saved scenario "Broken" is damaged and was skipped.',
      'Saved scenario number 3 is damaged and was skipped.',
      'Saved scenario "Dup" repeats the id of an earlier one and was skipped.',
    ]);
  });

  test('not an array', () => {
    expect(parseStoredScenarios('{"a":1}').problems[0]).toMatch(/not in the expected form/);
    expect(parseStoredScenarios(null)).toEqual({ scenarios: [], problems: [], foreign: [] });
  });

  test('parameters missing from an older save take their defaults', () => {
    const old = { ...scenario('a'), parameters: { horizon: 8 } };
    expect(parseStoredScenarios(JSON.stringify([old])).scenarios[0].parameters).toEqual({ ...DEFAULT_PARAMETERS, horizon: 8 });
  });

  test('entries from a newer schema are kept in the workbook untouched', async () => {
    const future = { schema: 99, id: 'f', name: 'From the future', extra: [1, 2] };
    const gw = fakeGateway({ [SCENARIOS_SETTING]: JSON.stringify([future]) });
    const store = new ScenarioStore(gw);
    expect(await store.list()).toEqual([]);
    expect(store.lastProblems[0]).toMatch(/newer version/);
    await store.save(scenario('a'));
    const stored = JSON.parse(gw.settings[SCENARIOS_SETTING]) as unknown[];
    expect(stored).toContainEqual(future);
  });

  test('invalid scenarios are refused with plain-words problems', async () => {
    const store = new ScenarioStore(fakeGateway());
    const bad = { ...scenario('a'), name: ' ', parameters: { ...DEFAULT_PARAMETERS, horizon: 40 } };
    await expect(store.save(bad)).rejects.toBeInstanceOf(ScenarioValidationError);
    await expect(store.save(bad)).rejects.toMatchObject({ problems: ['Give the scenario a name.', 'The horizon must be a whole number of years from 1 to 15 (got 40).'] });
    expect(await store.list()).toEqual([]);
  });

  test('new ids are unique', () => {
    const now = 1700000000000;
    const first = newScenarioId([], now);
    const second = newScenarioId([{ id: first }], now);
    const third = newScenarioId([{ id: first }, { id: second }], now);
    expect(new Set([first, second, third]).size).toBe(3);
  });
});
