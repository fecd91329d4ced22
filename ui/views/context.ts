/** What the shell (ui/app.ts) hands each view: the bridge, the loaded setup and how to re-render. */
import type { CampaignSetup, HostBridge, SetupState } from '../bridge';
import type { HelpTopic } from '../help';

export type Tab = 'rank' | 'criteria' | 'blocks' | 'awards' | 'settings';

export type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | SetupState;

/** A text that does not read yet: kept as typed, with its message, until it is fixed. */
export interface Draft {
  text: string;
  error: string;
  /** The object the field edits; a draft of a removed object no longer blocks saving. */
  owner: object;
  /** The tab the field is on: a tab with a draft is marked "có lỗi" (ui/app.ts). */
  tab?: Tab;
}

/**
 * A change of structure (add, move, remove, a select) calls render(), which rebuilds the panel
 * and puts the focus back on the element with the same data-key (or on focusKey when set). A
 * text commit calls touched() instead: the model is updated and the bound labels follow.
 */
export interface ViewContext {
  readonly bridge: HostBridge;
  /** The tab panel the views are rendered into. */
  readonly panel: HTMLElement;
  readonly load: Load;
  /** The working copy being edited (undefined unless the setup loaded). */
  readonly setup: CampaignSetup | undefined;
  /** Edits not yet saved to the workbook. */
  readonly dirty: boolean;
  readonly tab: Tab;
  readonly unmounted: boolean;
  /** Texts that do not read yet, by field key. */
  readonly drafts: Map<string, Draft>;
  /** The keys of the <details> left open, kept across re-renders. */
  readonly openDetails: Set<string>;
  /** The data-key of a destructive button waiting for its second click. */
  confirming: string | undefined;
  /** The data-key to focus after the next render. */
  focusKey: string | undefined;
  /** A number per object, stable while the pane is open (for data-keys). */
  uid(o: object): number;
  render(): void;
  /** After a model change: unsaved, and every bound label follows. */
  touched(): void;
  /** The first keystroke in a field: unsaved, before the text is committed. */
  typing(): void;
  /** Keeps a label in step with the model until the next render. */
  bind(update: () => void): void;
  /** Tells a screen reader (the live region). */
  announce(text: string): void;
  /** Reads the setup again; `showLoading` blanks the editors while waiting. */
  reload(showLoading: boolean): Promise<void>;
  /**
   * Saves the working copy as the save bar's "Lưu" does, its questions answered in the save bar;
   * true only when the setup was written.
   */
  save(): Promise<boolean>;
  /** The view's link to its page of the user guide (ui/help.ts), in a paragraph of its own. */
  help(topic: HelpTopic): HTMLElement;
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
