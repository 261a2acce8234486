/**
 * Choosing an input: a table or defined name of the workbook, or the current selection.
 */
import * as React from 'react';
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { InputSource, WorkbookGateway, WorkbookInfo } from '../excel/gateway';
import { describeSource, errorText, quoteSheet, sourceKey } from './describe';
import { useStatus } from './status';

export interface InputPickerProps {
  gateway: WorkbookGateway;
  /** Field label, in planners' words. */
  label: string;
  hint?: string;
  value: InputSource | null;
  onChange(source: InputSource): void;
  /** Called once after the workbook is listed when no input is chosen yet: the default to preselect. */
  autoPick?: (info: WorkbookInfo) => Promise<InputSource | null>;
  disabled?: boolean;
}

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
});

export function InputPicker(props: InputPickerProps): JSX.Element {
  const { gateway, value, onChange, autoPick } = props;
  const status = useStatus();
  const styles = useStyles();
  const [info, setInfo] = React.useState<WorkbookInfo | null>(null);
  const [loading, setLoading] = React.useState(false);
  const autoPicked = React.useRef(false);
  // Latest props for the async listing (it must not re-run when the parent re-renders).
  const latest = React.useRef({ value, onChange, autoPick });
  latest.current = { value, onChange, autoPick };

  const list = React.useCallback(async () => {
    setLoading(true);
    try {
      const described = await gateway.describe();
      setInfo(described);
      const { value: current, autoPick: pick, onChange: change } = latest.current;
      if (!autoPicked.current && !current && pick) {
        autoPicked.current = true;
        const source = await pick(described);
        if (source && !latest.current.value) change(source);
      }
    } catch (error) {
      status.show({ intent: 'error', title: 'Could not list the tables and named ranges of the workbook', lines: [errorText(error)] });
    } finally {
      setLoading(false);
    }
  }, [gateway, status]);

  React.useEffect(() => {
    void list();
  }, [list]);

  const pickSelection = async () => {
    try {
      const selection = await gateway.selection();
      onChange(selection);
    } catch (error) {
      status.show({ intent: 'error', title: 'Could not read the current selection', lines: [errorText(error)] });
    }
  };

  const options: { key: string; text: string; source: InputSource; group: 'table' | 'name' | 'range' }[] = [];
  for (const t of info?.tables ?? []) {
    const source: InputSource = { kind: 'table', name: t.name };
    options.push({ key: sourceKey(source), text: `${t.name} (${t.sheet})`, source, group: 'table' });
  }
  for (const n of info?.names ?? []) {
    const source: InputSource = { kind: 'name', name: n.name };
    options.push({ key: sourceKey(source), text: `${n.name} (${quoteSheet(n.sheet)}!${n.address})`, source, group: 'name' });
  }
  const selectedKey = value ? sourceKey(value) : '';
  if (value && !options.some((o) => o.key === selectedKey)) {
    options.push({
      key: selectedKey,
      text: value.kind === 'range' ? `Selection: ${quoteSheet(value.sheet)}!${value.address}` : describeSource(value),
      source: value,
      group: value.kind,
    });
  }
  const groups: { group: 'table' | 'name' | 'range'; label: string }[] = [
    { group: 'table', label: 'Tables' },
    { group: 'name', label: 'Named ranges' },
    { group: 'range', label: 'Selection' },
  ];
  const busy = loading || props.disabled;

  return (
    <div>
      <Field label={props.label} hint={props.hint}>
        <Select
          aria-label={props.label}
          value={selectedKey}
          disabled={busy}
          onChange={(_e, data) => {
            const option = options.find((o) => o.key === data.value);
            if (option) onChange(option.source);
          }}
        >
          <option value="" disabled>
            {loading ? 'Listing the workbook…' : options.length ? 'Choose a table or named range…' : 'No tables or named ranges found'}
          </option>
          {groups.map(({ group, label }) => {
            const inGroup = options.filter((o) => o.group === group);
            if (inGroup.length === 0) return null;
            return (
              <optgroup key={group} label={label}>
                {inGroup.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.text}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button size="small" onClick={() => void pickSelection()} disabled={busy}>
          Use current selection
        </Button>
        <Button size="small" appearance="subtle" onClick={() => void list()} disabled={busy}>
          Refresh list
        </Button>
      </div>
    </div>
  );
}
