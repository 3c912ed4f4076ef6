// What the rest of the content script may know about a site: nothing but this
// interface. Everything site-specific (markers, text reading, how to write into
// the editor) lives in sites/<site>.ts, so a redesign is a one-file fix.

export interface Composer {
  /** The smallest element holding the composer's editor(s) and its submit control. */
  root: Element;
  /** Editors posted together (X threads have several), in document order. */
  editors: HTMLElement[];
  /** The control that posts this composer, when there is one (comment boxes may have none). */
  submit: HTMLElement | null;
}

export type InsertMethod = 'paste' | 'execCommand' | 'beforeinput';

/** Attachments a composer holds, counted from its own previews (never from the files). */
export interface MediaCount {
  images: number;
  videos: number;
  gifs: number;
}

export interface SiteAdapter {
  readonly name: 'x' | 'facebook' | 'linkedin' | 'generic';
  /** The editor an event happened in, from its composed path (pierces open shadow roots). */
  editorFromPath(path: EventTarget[]): HTMLElement | null;
  /** The enabled submit control an event happened on, from its composed path. */
  submitFromPath(path: EventTarget[]): HTMLElement | null;
  composerOfSubmit(submit: HTMLElement): Composer | null;
  composerOfEditor(editor: HTMLElement): Composer | null;
  /** Whether plain Enter (no Shift) posts from this editor (Facebook/LinkedIn comments). */
  submitsOnEnter(editor: HTMLElement): boolean;
  /** Editor blocks (lines/paragraphs) in order, to read text without the editor's API. */
  blocks(editor: HTMLElement): Element[];
  /**
   * Photos, videos and GIFs attached to this composer, counted from the
   * attachment previews the site draws in it. Nothing is read from the files.
   */
  media(composer: Composer): MediaCount;
  /** How this site's editor accepts foreign text, best first. */
  readonly insertMethods: InsertMethod[];
}
