/**
 * The pane's status messages: every panel reports successes and failures here, in plain words, so
 * nothing fails silently or only in the console.
 *
 * One StatusProvider holds every message (the single source of truth). A message is shown in one place:
 * - beside the button that led to it, when it names a `place` (an <ActionStatus place=...> rendered next
 *   to that button, e.g. by useSheetWriter under Run / Write), so the planner sees the outcome where
 *   they pressed the button even at the bottom of a long panel;
 * - otherwise in the StatusArea at the top of the pane (failures to list or read the workbook).
 * Both are polite live regions, so screen readers announce new messages.
 */
import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';

export type StatusIntent = 'success' | 'error' | 'warning' | 'info';

export interface StatusMessage {
  intent: StatusIntent;
  /** Short headline, e.g. "Could not read table "PrimaryRolls"". */
  title: string;
  /** Detail lines in plain words. */
  lines?: string[];
  /**
   * Where the message is shown: the place of an <ActionStatus> beside the button that led to it.
   * Without one, the message goes to the status area at the top of the pane.
   */
  place?: string;
}

interface ShownMessage extends StatusMessage {
  id: number;
}

export interface StatusApi {
  /** Shows a message first in its place (older ones of the same place stay below, up to a few). */
  show(message: StatusMessage): void;
  /** Removes every message, or only the messages of one place. */
  clear(place?: string): void;
}

const StatusContext = React.createContext<StatusApi | null>(null);
const MessagesContext = React.createContext<{ messages: ShownMessage[]; dismiss: (id: number) => void }>({
  messages: [],
  dismiss: () => undefined,
});

/** How many messages each place keeps visible at once (newest first). */
const MAX_MESSAGES = 3;

/** The newest messages first, at most MAX_MESSAGES per place. */
function trimmed(messages: ShownMessage[]): ShownMessage[] {
  const counts = new Map<string | undefined, number>();
  return messages.filter((m) => {
    const n = (counts.get(m.place) ?? 0) + 1;
    counts.set(m.place, n);
    return n <= MAX_MESSAGES;
  });
}

export function StatusProvider(props: { children: React.ReactNode }): JSX.Element {
  const [messages, setMessages] = React.useState<ShownMessage[]>([]);
  const nextId = React.useRef(1);
  const api = React.useMemo<StatusApi>(
    () => ({
      show(message) {
        const id = nextId.current++;
        setMessages((old) => trimmed([{ ...message, id }, ...old]));
      },
      clear(place) {
        setMessages((old) => (place === undefined ? [] : old.filter((m) => m.place !== place)));
      },
    }),
    [],
  );
  const dismiss = React.useCallback((id: number) => setMessages((old) => old.filter((m) => m.id !== id)), []);
  const shown = React.useMemo(() => ({ messages, dismiss }), [messages, dismiss]);
  return (
    <StatusContext.Provider value={api}>
      <MessagesContext.Provider value={shown}>{props.children}</MessagesContext.Provider>
    </StatusContext.Provider>
  );
}

/** The status API of the enclosing StatusProvider. */
export function useStatus(): StatusApi {
  const api = React.useContext(StatusContext);
  if (!api) throw new Error('useStatus must be used inside <StatusProvider>.');
  return api;
}

/** A status API whose messages all go to one place (see ActionStatus). */
export function usePlacedStatus(place: string): StatusApi {
  const status = useStatus();
  return React.useMemo<StatusApi>(
    () => ({
      show: (message) => status.show({ ...message, place }),
      clear: () => status.clear(place),
    }),
    [status, place],
  );
}

const useStyles = makeStyles({
  area: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    // The region is always there (a live region must exist before its content changes); while empty it
    // gives back the gap its flex parent puts around it.
    ':empty': { marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function MessageView(props: { message: ShownMessage; dismiss: (id: number) => void; focusable?: boolean }): JSX.Element {
  const { message: m, dismiss } = props;
  const styles = useStyles();
  return (
    <MessageBar intent={m.intent} layout="multiline" tabIndex={props.focusable ? -1 : undefined}>
      <MessageBarBody>
        <MessageBarTitle>{m.title}</MessageBarTitle>
        {m.lines && m.lines.length === 1 && <div>{m.lines[0]}</div>}
        {m.lines && m.lines.length > 1 && (
          <ul className={styles.lines}>
            {m.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            icon={<span aria-hidden="true">×</span>}
            aria-label={`Dismiss: ${m.title}`}
            onClick={() => dismiss(m.id)}
          />
        }
      />
    </MessageBar>
  );
}

/** The messages without a place (newest first), each dismissable: rendered at the top of the pane. */
export function StatusArea(): JSX.Element {
  const { messages, dismiss } = React.useContext(MessagesContext);
  const styles = useStyles();
  return (
    <div className={styles.area} role="status" aria-live="polite" aria-atomic="false" data-testid="status-area">
      {messages
        .filter((m) => m.place === undefined)
        .map((m) => (
          <MessageView key={m.id} message={m} dismiss={dismiss} />
        ))}
    </div>
  );
}

/** How long a new message waits for a closing dialog to release the focus, and how often it looks. */
const DIALOG_WAIT_MS = 1000;
const DIALOG_POLL_MS = 50;

/** True when the element is laid out (not inside a hidden tab panel). */
function isShown(element: HTMLElement): boolean {
  return element.offsetParent !== null;
}

/**
 * The messages of one place, rendered where the component stands (beside the button that led to them).
 * When a new message arrives it is scrolled into view if it is out of sight, and when the planner's focus
 * was lost meanwhile (the pressed button was disabled while busy, or a dialog closed) focus moves to it;
 * focus the planner has put elsewhere is left alone.
 */
export function ActionStatus(props: { place: string }): JSX.Element {
  const { messages, dismiss } = React.useContext(MessagesContext);
  const styles = useStyles();
  const region = React.useRef<HTMLDivElement>(null);
  const mine = React.useMemo(() => messages.filter((m) => m.place === props.place), [messages, props.place]);
  const newest = mine[0]?.id;

  React.useEffect(() => {
    if (newest === undefined) return;
    const element = region.current?.firstElementChild;
    if (!(element instanceof HTMLElement) || !isShown(element)) return;
    element.scrollIntoView({ block: 'nearest' });
    // Only a lost focus moves. A dialog that is closing (the "replace?" dialog after Cancel) holds the focus
    // until its exit animation ends, so wait for it to let go (briefly) before deciding.
    let waited = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const active = document.activeElement;
      if (active && active !== document.body && active.closest('[role="alertdialog"], [role="dialog"]') && waited < DIALOG_WAIT_MS) {
        waited += DIALOG_POLL_MS;
        timer = setTimeout(check, DIALOG_POLL_MS);
        return;
      }
      if ((!active || active === document.body) && element.isConnected && isShown(element)) element.focus();
    };
    timer = setTimeout(check, 0);
    return () => clearTimeout(timer);
  }, [newest]);

  return (
    <div
      ref={region}
      className={styles.area}
      role="status"
      aria-live="polite"
      aria-atomic="false"
      // Same test id as the top area: tools that read "the pane's messages" see both.
      data-testid="status-area"
      data-status-place={props.place}
    >
      {mine.map((m) => (
        <MessageView key={m.id} message={m} dismiss={dismiss} focusable />
      ))}
    </div>
  );
}
