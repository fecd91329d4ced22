/**
 * Cell text never becomes markup: the UI builds DOM only through ui/dom.ts (createElement and
 * text nodes), and no UI source touches an HTML-parsing API. The browser test shows the same on
 * a real page (test/ui/taskpane.browser.test.ts).
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { h } from '../../ui/dom';
import { FORMULA_CRITERION, HOSTILE_CRITERION } from './fixtures';

const UI = path.resolve(__dirname, '../../ui');

test('no UI source parses HTML', () => {
  const parsing =
    /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|srcdoc/;
  const offenders = readdirSync(UI)
    .filter((f) => f.endsWith('.ts'))
    .filter((f) => parsing.test(readFileSync(path.join(UI, f), 'utf8')));
  expect(offenders).toEqual([]);
});

/** Just enough of a document to watch what h() does with text. */
class FakeNode {
  children: FakeNode[] = [];
  attributes: Record<string, string> = {};
  dataset: Record<string, string> = {};
  className = '';
  constructor(
    readonly tag: string,
    readonly data?: string,
  ) {}
  appendChild(child: FakeNode): FakeNode {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  addEventListener(): void {}
}

test('h() puts cell text in text nodes, whatever it holds', () => {
  const fake = {
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (data: string) => new FakeNode('#text', data),
  };
  const g = globalThis as unknown as { document?: unknown };
  const saved = g.document;
  g.document = fake;
  try {
    const el = h(
      'li',
      { title: HOSTILE_CRITERION },
      HOSTILE_CRITERION,
      FORMULA_CRITERION,
    ) as unknown as FakeNode;
    expect(el.children.map((c) => [c.tag, c.data])).toEqual([
      ['#text', HOSTILE_CRITERION],
      ['#text', FORMULA_CRITERION],
    ]);
    expect(el.attributes.title).toBe(HOSTILE_CRITERION);
  } finally {
    g.document = saved;
  }
});
