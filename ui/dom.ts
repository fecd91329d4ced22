/**
 * The one way the task pane builds DOM: elements by createElement, every text as a text node or
 * textContent. Cell text (names, codes, messages) can never become markup, whatever it holds.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

type Handler = (event: Event) => void;

export interface Props {
  class?: string;
  /** A stable identity for focus restoring across re-renders (data-key). */
  key?: string;
  /** Event listeners by event name ("click", "change", "keydown"…). */
  on?: Record<string, Handler>;
  /** Set as properties (value, checked, disabled…), not attributes. */
  value?: string;
  checked?: boolean;
  disabled?: boolean;
  selected?: boolean;
  /** Attributes: a string sets it, true sets it empty, false/undefined leaves it out. */
  [attribute: string]: string | number | boolean | undefined | Record<string, Handler>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else if (name === 'key') el.dataset.key = String(value);
    else if (name === 'on') {
      for (const [event, handler] of Object.entries(value as Record<string, Handler>))
        el.addEventListener(event, handler);
    } else if (name === 'value') (el as unknown as { value: string }).value = String(value);
    else if (name === 'checked' || name === 'disabled' || name === 'selected')
      (el as unknown as Record<string, boolean>)[name] = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === 'string' || typeof child === 'number')
      parent.appendChild(document.createTextNode(String(child)));
    else parent.appendChild(child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let counter = 0;

/** A fresh element id for label/aria wiring. */
export function newId(prefix = 'xh'): string {
  counter++;
  return `${prefix}-${counter}`;
}
