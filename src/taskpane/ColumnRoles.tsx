/**
 * The recognised columns of a rolls table, with a "What is this column?" choice for every column the
 * pane was not sure about (and, on request, for all of them).
 */
import * as React from 'react';
import { Field, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { YEAR_GROUPS, type ColumnRole, type ColumnRoleKind, type RollsLayout, type YearGroup } from './model/rolls';

const ROLE_OPTIONS: { value: string; label: string }[] = [
  { value: 'district', label: 'District' },
  { value: 'area', label: 'Planning area' },
  { value: 'year', label: 'Year (e.g. 2019-20)' },
  ...YEAR_GROUPS.map((g) => ({ value: `yg:${g}`, label: `Roll: ${yearGroupLabel(g)}` })),
  { value: 'driver', label: 'Births / feeder Year 6 (intake driver)' },
  { value: 'capacity', label: 'PAN / capacity' },
  { value: 'dwellings', label: 'New dwellings (housing)' },
  { value: 'ignore', label: 'Not used' },
];

/** "Reception" / "Year 7". */
export function yearGroupLabel(g: YearGroup): string {
  return g === 'R' ? 'Reception' : `Year ${g.slice(1)}`;
}

function roleValue(column: ColumnRole): string {
  return column.role === 'yearGroup' && column.yearGroup ? `yg:${column.yearGroup}` : column.role;
}

/** The meaning of a column in planners' words. */
export function roleLabel(column: ColumnRole): string {
  const value = roleValue(column);
  return ROLE_OPTIONS.find((o) => o.value === value)?.label ?? column.role;
}

/** The layout with one column's role changed (the planner's answer, so confident). */
export function withRole(layout: RollsLayout, index: number, value: string): RollsLayout {
  return {
    columns: layout.columns.map((c) => {
      if (c.index !== index) return c;
      if (value.startsWith('yg:')) {
        return { ...c, role: 'yearGroup' as ColumnRoleKind, yearGroup: value.slice(3) as YearGroup, confident: true };
      }
      const { yearGroup: _dropped, ...rest } = c;
      return { ...rest, role: value as ColumnRoleKind, confident: true };
    }),
  };
}

/** Whether the pane should ask about a column as detected: it guessed, or did not recognise it. */
export function isUnsure(column: ColumnRole): boolean {
  return !column.confident || column.role === 'ignore';
}

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  header: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meaning: { color: tokens.colorNeutralForeground2, textAlign: 'right' },
  ask: { backgroundColor: tokens.colorPaletteYellowBackground1, padding: tokens.spacingHorizontalXS, borderRadius: tokens.borderRadiusMedium },
});

export interface ColumnRolesProps {
  layout: RollsLayout;
  /** Indexes of the columns the detection was unsure about (asked whatever the current answer). */
  asked: ReadonlySet<number>;
  /** Indexes the planner has answered. */
  answered: ReadonlySet<number>;
  onChange(index: number, value: string): void;
  disabled?: boolean;
}

export function ColumnRoles(props: ColumnRolesProps): JSX.Element {
  const styles = useStyles();
  const [editAll, setEditAll] = React.useState(false);
  const { layout, asked, answered } = props;
  return (
    <div>
      <ul className={styles.list} aria-label="Columns recognised">
        {layout.columns.map((column) => {
          const header = column.header || `(column ${column.index + 1}, no header)`;
          const ask = asked.has(column.index);
          if (ask || editAll) {
            const waiting = ask && !answered.has(column.index);
            return (
              <li key={column.index} className={waiting ? styles.ask : undefined}>
                <Field
                  label={`What is the column "${header}"?`}
                  hint={waiting ? (column.role === 'ignore' ? 'Not recognised: please choose.' : 'A guess: please confirm or change.') : undefined}
                  size="small"
                >
                  <Select
                    size="small"
                    value={roleValue(column)}
                    disabled={props.disabled}
                    onChange={(_e, data) => props.onChange(column.index, data.value)}
                  >
                    {ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            );
          }
          return (
            <li key={column.index} className={styles.item}>
              <Text className={styles.header}>{header}</Text>
              <Text className={styles.meaning}>{roleLabel(column)}</Text>
            </li>
          );
        })}
      </ul>
      <Switch checked={editAll} onChange={(_e, data) => setEditAll(data.checked)} label="Change the meaning of any column" />
    </div>
  );
}
