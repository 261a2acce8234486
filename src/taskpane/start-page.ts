/**
 * Page plumbing shared by the two page entries, dist/taskpane.html (src/taskpane/index.tsx) and the
 * demo host (src/demo/index.tsx): the element React mounts into, and a start-up failure shown in the page.
 */

/** The page's #root element, made (and added to the body) when the page has none. */
export function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const made = document.createElement('div');
  made.id = 'root';
  document.body.appendChild(made);
  return made;
}

/** Shows a start-up failure in the page itself (never console-only): `title`, then the error's message. */
export function showStartFailure(title: string, error: unknown): void {
  const root = rootElement();
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font-family: "Segoe UI", sans-serif; padding: 12px; color: #a4262c;';
  const heading = document.createElement('strong');
  heading.textContent = title;
  const detail = document.createElement('p');
  detail.textContent = error instanceof Error ? error.message : String(error);
  box.append(heading, detail);
  root.replaceChildren(box);
}
