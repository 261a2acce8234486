/**
 * The pane's shared status area: every panel reports successes and failures here, in plain words,
 * so nothing fails silently or only in the console.
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
}

interface ShownMessage extends StatusMessage {
  id: number;
}

export interface StatusApi {
  /** Shows a message at the top of the status area (older ones stay below, up to a few). */
  show(message: StatusMessage): void;
  /** Removes every message. */
  clear(): void;
}

const StatusContext = React.createContext<StatusApi | null>(null);
const MessagesContext = React.createContext<{ messages: ShownMessage[]; dismiss: (id: number) => void }>({
  messages: [],
  dismiss: () => undefined,
});

/** How many messages stay visible at once (newest first). */
const MAX_MESSAGES = 3;

export function StatusProvider(props: { children: React.ReactNode }): JSX.Element {
  const [messages, setMessages] = React.useState<ShownMessage[]>([]);
  const nextId = React.useRef(1);
  const api = React.useMemo<StatusApi>(
    () => ({
      show(message) {
        const id = nextId.current++;
        setMessages((old) => [{ ...message, id }, ...old].slice(0, MAX_MESSAGES));
      },
      clear() {
        setMessages([]);
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

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The visible list of status messages (newest first), each dismissable. */
export function StatusArea(): JSX.Element | null {
  const { messages, dismiss } = React.useContext(MessagesContext);
  const styles = useStyles();
  if (messages.length === 0) return null;
  return (
    <div className={styles.area} aria-live="polite" data-testid="status-area">
      {messages.map((m) => (
        <MessageBar key={m.id} intent={m.intent} layout="multiline">
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
      ))}
    </div>
  );
}
