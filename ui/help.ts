/**
 * The pane's links to the user guide (docs/huong-dan/*.md, published as HTML next to the add-in:
 * `<base>/<page>.html#<heading id>`). Each topic names its page here and the heading it opens at
 * in vi.help.topics (the heading is Vietnamese text, so it lives in the dictionary); a test
 * (test/ui/help.test.ts) checks that every page and heading exists.
 *
 * Where the guide is: in Excel, `huong-dan/` beside the task pane's own page (the release puts it
 * there); in the Sheets sidebar, the base the gas build was given (gas/guide.ts).
 */
import { formatMessage, vi } from '../shared/i18n/vi';
import { h } from './dom';

export type HelpTopic = keyof typeof vi.help.topics;

/** The guide page (docs/huong-dan/<page>.md) of each topic. */
export const HELP_PAGES: Record<HelpTopic, string> = {
  settings: 'chien-dich-dau-tien',
  criteria: 'chien-dich-dau-tien',
  forms: 'phieu-tu-cham',
  awards: 'dong-hang',
  ties: 'dong-hang',
  rounds: 'vong-tham-dinh',
  errors: 'loi-thuong-gap',
};

/**
 * A heading's id as GitHub gives it (github-slugger): lower case, every character that is not a
 * letter, mark, digit, connector, space or hyphen dropped, spaces made hyphens. The guide's HTML
 * must give its headings the same ids, so one anchor works on GitHub and in the published guide.
 * (A repeated heading would get "-1"; the guide's headings are unique per page.)
 */
export function headingId(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Where the guide's pages are and how a link opens one. */
export interface HelpOptions {
  /** The folder of the guide's HTML pages, ending in "/". */
  base: string;
  /**
   * Opens a page in a window of its own (Excel: Office's openBrowserWindow where it exists).
   * Absent: the link's own target="_blank".
   */
  open?: (url: string) => void;
}

/** The address of a topic's page, at its heading. */
export function helpUrl(topic: HelpTopic, base: string): string {
  const url = new URL(`${HELP_PAGES[topic]}.html`, base);
  const heading = vi.help.topics[topic].heading;
  if (heading) url.hash = headingId(heading);
  return url.href;
}

/** The "? Hướng dẫn" link of a view, named for its topic. */
export function helpLink(topic: HelpTopic, options: HelpOptions): HTMLElement {
  const url = helpUrl(topic, options.base);
  const open = options.open;
  return h(
    'a',
    {
      class: 'xh-help',
      href: url,
      target: '_blank',
      rel: 'noopener noreferrer',
      'data-help': topic,
      'aria-label': formatMessage(vi.help.label, { topic: vi.help.topics[topic].title }),
      on: open
        ? {
            click: (e) => {
              e.preventDefault();
              open(url);
            },
          }
        : undefined,
    },
    h('span', { class: 'xh-help-icon', 'aria-hidden': 'true' }, '?'),
    vi.help.link,
  );
}
