// The fallback behind every site's exact markers, and the adapter machinery the
// site files share. When a site renames its data-testid or classes, a composer
// is still recognised as "a rich-text box with a Post/Reply/Plaatsen/Publier/
// Posten button close by".
import type { Composer, InsertMethod, MediaCount, SiteAdapter } from './types';

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
  /**
   * Counts the attachment previews inside a composer's root (the smallest
   * element holding its editor and its Post control, so also the previews the
   * site draws between the two). Sites without it report no media.
   */
  media?: (root: Element) => MediaCount;
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

    media(composer) {
      if (!spec.media) return noMedia();
      try {
        return spec.media(composer.root);
      } catch {
        return noMedia(); // a redesign we do not understand: no question rather than a wrong one
      }
    },
  };
}

export function noMedia(): MediaCount {
  return { images: 0, videos: 0, gifs: 0 };
}

export interface MediaMarkers {
  /** Elements that stand for one GIF each (a GIF often plays as a <video>). */
  gif?: string;
  /** Elements that stand for one video each, when the <video> itself is not drawn yet. */
  video?: string;
  /** What is not an attachment although it shows an image (a link preview card). */
  exclude?: string;
}

const GIF_SRC = /^data:image\/gif|\.gif(?:$|[?#])|giphy\.com|tenor\.com|\/tweet_video/i;

/**
 * Counts the media previews inside `containers` (each counted once even when
 * containers nest): a GIF marker counts as one GIF whatever plays inside it; a
 * <video> as one video; an <img> as one photo, or a GIF when its source says so.
 * Images inside buttons (icons of the remove/edit controls) are not media.
 */
export function countPreviews(containers: Iterable<Element>, markers: MediaMarkers = {}): MediaCount {
  const count = noMedia();
  const seen = new Set<Element>();
  const roots = [...new Set(containers)];
  const outer = roots.filter((c) => !roots.some((o) => o !== c && o.contains(c)));
  for (const container of outer) {
    const gifs = markers.gif ? [...container.querySelectorAll(markers.gif)] : [];
    const videoMarks = markers.video ? [...container.querySelectorAll(markers.video)] : [];
    const inside = (el: Element, set: Element[]) => set.some((g) => g === el || g.contains(el));
    for (const g of gifs) {
      if (seen.has(g)) continue;
      seen.add(g);
      count.gifs++;
    }
    for (const v of videoMarks) {
      if (seen.has(v) || inside(v, gifs)) continue;
      seen.add(v);
      count.videos++;
    }
    // A container may itself be the preview (an <img>/<video> handed in directly).
    const previews = container.matches('img, video') ? [container] : [...container.querySelectorAll('img, video')];
    for (const el of previews) {
      if (seen.has(el) || inside(el, gifs) || inside(el, videoMarks)) continue;
      seen.add(el);
      if (markers.exclude && el.matches(markers.exclude)) continue;
      if (el.localName === 'img' && el.closest('button, [role="button"]') && isIcon(el)) continue;
      const src = (el as HTMLImageElement | HTMLVideoElement).currentSrc || el.getAttribute('src') || '';
      if (el.localName === 'video') count.videos++;
      else if (GIF_SRC.test(src) || /^gif$/i.test(el.getAttribute('alt') ?? '')) count.gifs++;
      else count.images++;
    }
  }
  return count;
}

/** A small image inside a control (an icon), not a preview. */
function isIcon(img: Element): boolean {
  const w = Number(img.getAttribute('width') ?? '0');
  return w > 0 && w <= 32;
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
