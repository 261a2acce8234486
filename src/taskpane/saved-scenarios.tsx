/**
 * The scenarios saved in the workbook, shared by every panel (Scenarios saves and deletes; Compare and
 * Commissioning pick from the same list, which refreshes as soon as it changes).
 */
import * as React from 'react';
import type { WorkbookGateway } from '../excel/gateway';
import { ScenarioStore, ScenarioValidationError, type Scenario } from './model/scenario';
import { errorText } from './describe';
import { useStatus } from './status';

export interface SavedScenarios {
  scenarios: Scenario[];
  loading: boolean;
  /**
   * Saves (or replaces, same id) a scenario and refreshes the list. Failures are shown at `place` (beside
   * the button that asked; the top of the pane without one) and resolve false.
   */
  save(scenario: Scenario, place?: string): Promise<boolean>;
  /** Deletes a scenario and refreshes the list; failures as for save. */
  remove(scenario: Scenario, place?: string): Promise<boolean>;
  refresh(): Promise<void>;
}

const SavedScenariosContext = React.createContext<SavedScenarios | null>(null);

export function SavedScenariosProvider(props: { gateway: WorkbookGateway; children: React.ReactNode }): JSX.Element {
  const { gateway } = props;
  const status = useStatus();
  const store = React.useMemo(() => new ScenarioStore(gateway), [gateway]);
  const [scenarios, setScenarios] = React.useState<Scenario[]>([]);
  const [loading, setLoading] = React.useState(true);

  const refresh = React.useCallback(async () => {
    setLoading(true);
    try {
      setScenarios(await store.list());
      if (store.lastProblems.length > 0) {
        status.show({ intent: 'warning', title: 'Some saved scenarios could not be read', lines: store.lastProblems });
      }
    } catch (error) {
      status.show({
        intent: 'error',
        title: 'Could not load the saved scenarios from the workbook',
        lines: [errorText(error)],
      });
    } finally {
      setLoading(false);
    }
  }, [store, status]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  const save = React.useCallback(
    async (scenario: Scenario, place?: string) => {
      try {
        await store.save(scenario);
        await refresh();
        return true;
      } catch (error) {
        status.show({
          intent: 'error',
          title: `Could not save scenario "${scenario.name}"`,
          lines: error instanceof ScenarioValidationError ? error.problems : [errorText(error)],
          place,
        });
        return false;
      }
    },
    [store, refresh, status],
  );

  const remove = React.useCallback(
    async (scenario: Scenario, place?: string) => {
      try {
        await store.remove(scenario.id);
        await refresh();
        return true;
      } catch (error) {
        status.show({ intent: 'error', title: `Could not delete scenario "${scenario.name}"`, lines: [errorText(error)], place });
        return false;
      }
    },
    [store, refresh, status],
  );

  const value = React.useMemo(() => ({ scenarios, loading, save, remove, refresh }), [scenarios, loading, save, remove, refresh]);
  return <SavedScenariosContext.Provider value={value}>{props.children}</SavedScenariosContext.Provider>;
}

export function useSavedScenarios(): SavedScenarios {
  const value = React.useContext(SavedScenariosContext);
  if (!value) throw new Error('useSavedScenarios must be used inside <SavedScenariosProvider>.');
  return value;
}
