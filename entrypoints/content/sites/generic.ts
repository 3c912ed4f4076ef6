// The fallback behind every site's exact markers, and the adapter machinery the
// site files share. When a site renames its data-testid or classes, a composer
// is still recognised as "a rich-text box with a Post/Reply/Plaatsen/Publier/
// Posten button close by".
import type { Composer, InsertMethod, SiteAdapter } from './types';

/** Editors of the common rich-text libraries and plain contenteditable textboxes. */
export const GENERIC_EDITOR =
  '[contenteditable="true"][role="textbox"], [contenteditable="plaintext-only"][role="textbox"], ' +
  '.public-DraftEditor-content[contenteditable="true"], [data-lexical-editor="true"][contenteditable="true"], ' +
  '.ql-editor[contenteditable="true"], [contenteditable="true"][aria-multiline="true"]';

const BUTTON_LIKE = 'button, [role="button"], input[type="submit"]';

// Words on the control that publishes, in the four languages we cover.
// Anchored: "Post" yes, "Post options" no.
const SUBMIT_LABEL =
  /^(post|post all|reply|tweet|send|share|publish|comment|plaatsen|posten|publiceren|reageren|beantwoorden|verzenden|versturen|delen|publier|répondre|envoyer|partager|commenter|veröffentlichen|antworten|senden|teilen|kommentieren|absenden)$/i;

/** How far up from a button we look for its editor (and back). */
const MAX_CLIMB = 10;

/** The parent element, stepping out of shadow roots to their host. */
export function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function pathElements(path: EventTarget[]): Element[] {
  return path.filter((t): t is Element => t instanceof Element);
}

export function isEnabled(el: Element): boolean {
  return el.getAttribute('aria-disabled') !== 'true' && !(el as HTMLButtonElement).disabled;
}

function label(el: Element): string {
  const text = el.getAttribute('aria-label') || (el instanceof HTMLInputElement ? el.value : el.textContent) || '';
  return text.replace(/\s+/g, ' ').trim();
}

export function looksLikeSubmit(el: Element): boolean {
  return el.matches(BUTTON_LIKE) && SUBMIT_LABEL.test(label(el));
}

export interface AdapterSpec {
  name: SiteAdapter['name'];
  /** Exact marker of this site's post editors. */
  editor: string;
  /** Exact marker of this site's enabled-or-not submit controls. */
  submit: string;
  /** Editors that post together (X threads): keep all editors under the composer root. */
  groupsEditors?: boolean;
  submitsOnEnter?: (editor: HTMLElement) => boolean;
  blocks?: (editor: HTMLElement) => Element[];
  insertMethods?: InsertMethod[];
}

function editorsIn(root: Element, spec: AdapterSpec): HTMLElement[] {
  const exact = [...root.querySelectorAll<HTMLElement>(spec.editor)];
  return exact.length ? exact : [...root.querySelectorAll<HTMLElement>(GENERIC_EDITOR)];
}

function submitIn(root: Element, spec: AdapterSpec, generic: boolean): HTMLElement | null {
  const exact = root.querySelector<HTMLElement>(spec.submit);
  if (exact || !generic) return exact;
  for (const el of root.querySelectorAll<HTMLElement>(BUTTON_LIKE)) if (looksLikeSubmit(el)) return el;
  return null;
}

/** Builds an adapter from a site's exact markers, with the generic fallback behind them. */
export function makeAdapter(spec: AdapterSpec): SiteAdapter {
  // Whether the page has editors with this site's markers; asked on typing in
  // unmarked fields, so remembered for a moment instead of scanning per key.
  let markersSeenAt = -Infinity;
  let markers = false;
  const markersPresent = () => {
    const now = performance.now();
    if (now - markersSeenAt > 1000) {
      markers = document.querySelector(spec.editor) !== null;
      markersSeenAt = now;
    }
    return markers;
  };
  return {
    name: spec.name,
    insertMethods: spec.insertMethods ?? ['paste', 'execCommand', 'beforeinput'],

    editorFromPath(path) {
      const elements = pathElements(path);
      for (const el of elements) if (el.matches(spec.editor)) return el as HTMLElement;
      // Any textbox only once the site's own markers are gone (a redesign): next to
      // them, an unmarked box is something else (a DM, a search field), not a composer.
      if (markersPresent()) return null;
      for (const el of elements) if (el.matches(GENERIC_EDITOR)) return el as HTMLElement;
      return null;
    },

    submitFromPath(path) {
      // Only the first few elements: a click lands on the button or a span inside it.
      for (const el of pathElements(path).slice(0, 8)) {
        if (el.matches(spec.submit) || looksLikeSubmit(el)) return isEnabled(el) ? (el as HTMLElement) : null;
      }
      return null;
    },

    composerOfSubmit(submit) {
      // The smallest ancestor holding an editor is the composer this button posts,
      // so with two live composers (X's timeline box and its modal) only one is held.
      let node: Element | null = submit;
      for (let i = 0; node && i < MAX_CLIMB; i++, node = parentOf(node)) {
        const editors = editorsIn(node, spec);
        if (editors.length === 0) continue;
        // A generic guess is wrong when the composer has a marked Post control of
        // its own, or when the "composer" is half the page (a feed's Share buttons).
        if (!submit.matches(spec.submit) && (editors.length > 3 || node.querySelector(spec.submit))) return null;
        return { root: node, editors: spec.groupsEditors ? editors : [editors[0]!], submit };
      }
      return null;
    },

    composerOfEditor(editor) {
      let node: Element | null = editor;
      for (let i = 0; node && i < MAX_CLIMB; i++, node = parentOf(node)) {
        // Climbing into a block that holds another composer's editor means we left ours.
        const editors = editorsIn(node, spec);
        if (!spec.groupsEditors && editors.some((e) => e !== editor)) break;
        // The generic guess only close by: further up, a "Share" is some other post's button.
        const submit = submitIn(node, spec, i < 4);
        if (submit) return { root: node, editors: spec.groupsEditors ? editors : [editor], submit };
      }
      return { root: parentOf(editor) ?? editor, editors: [editor], submit: null };
    },

    submitsOnEnter(editor) {
      return spec.submitsOnEnter?.(editor) ?? false;
    },

    blocks(editor) {
      if (spec.blocks) return spec.blocks(editor);
      return genericBlocks(editor);
    },
  };
}

/** Paragraph-like children when the editor has them (Lexical, Quill), else the editor itself. */
export function genericBlocks(editor: HTMLElement): Element[] {
  const draft = editor.querySelectorAll('[data-block="true"]');
  if (draft.length) return [...draft];
  const children = [...editor.children];
  if (children.length && children.every((c) => /^(P|DIV|LI|H[1-6]|BLOCKQUOTE|PRE|OL|UL)$/.test(c.tagName))) {
    return children;
  }
  return [editor];
}

/** For hosts we have no file for: markers are the generic ones. */
export const genericAdapter: SiteAdapter = makeAdapter({
  name: 'generic',
  editor: GENERIC_EDITOR,
  submit: '[data-postcheck-never-matches]',
});

export type { Composer };
