// Reading a composer's plain text from the DOM, mapping engine offsets back to
// DOM positions (to select a finding's words), and writing text the way the
// site's editor notices. We never edit the editors' DOM ourselves: Draft.js
// loses its state and Lexical/Quill revert foreign writes.
import type { Composer, InsertMethod, SiteAdapter } from './sites';

interface Segment {
  /** Text node, or the <textarea> itself. */
  node: Text | HTMLTextAreaElement;
  /** Offset of the node's first character in the composer text. */
  start: number;
  length: number;
}

export interface ComposerText {
  text: string;
  segments: Segment[];
}

// Thread editors are separate posts; a blank line between them keeps the
// engine from matching a phrase across two tweets.
const EDITOR_SEPARATOR = '\n\n';

export function readComposer(adapter: SiteAdapter, composer: Composer): ComposerText {
  let text = '';
  const segments: Segment[] = [];
  composer.editors.forEach((editor, i) => {
    if (i > 0) text += EDITOR_SEPARATOR;
    if (editor instanceof HTMLTextAreaElement) {
      segments.push({ node: editor, start: text.length, length: editor.value.length });
      text += editor.value;
      return;
    }
    adapter.blocks(editor).forEach((block, j) => {
      if (j > 0) text += '\n';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text) {
          segments.push({ node, start: text.length, length: node.data.length });
          text += node.data;
        } else if (node instanceof HTMLBRElement && hasContentAfter(node, block)) {
          // A <br> that ends a block is the editors' empty-line placeholder, not a line break.
          text += '\n';
        }
      }
    });
  });
  return { text, segments };
}

function hasContentAfter(br: Element, block: Element): boolean {
  for (let node: Node | null = br; node && node !== block; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

function position(map: ComposerText, offset: number): { node: Text | HTMLTextAreaElement; offset: number } | null {
  for (const seg of map.segments) {
    if (offset >= seg.start && offset <= seg.start + seg.length) return { node: seg.node, offset: offset - seg.start };
  }
  return null;
}

function selectionFor(node: Node): Selection | null {
  // Chromium exposes the selection inside a shadow root only on the root itself.
  const root = node.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  return ('getSelection' in root && root.getSelection?.()) || document.getSelection();
}

/** Selects [start, end) of the composer text in the page (the finding's words). */
export function selectText(map: ComposerText, start: number, end: number): boolean {
  const a = position(map, start);
  const b = position(map, end);
  if (!a || !b) return false;
  if (a.node instanceof HTMLTextAreaElement || b.node instanceof HTMLTextAreaElement) {
    if (a.node !== b.node) return false;
    (a.node as HTMLTextAreaElement).setSelectionRange(a.offset, b.offset);
    return true;
  }
  selectionFor(a.node)?.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  return true;
}

/** Puts the caret after the editor's last character. */
export function caretToEnd(editor: HTMLElement): void {
  if (editor instanceof HTMLTextAreaElement) {
    editor.setSelectionRange(editor.value.length, editor.value.length);
    return;
  }
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n as Text;
  const sel = selectionFor(editor);
  if (!sel) return;
  if (last) {
    sel.setBaseAndExtent(last, last.length, last, last.length);
  } else {
    sel.selectAllChildren(editor);
    sel.collapseToEnd();
  }
}

export function saveSelection(editor: HTMLElement): Range | null {
  const sel = selectionFor(editor);
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  return editor.contains(range.startContainer) ? range.cloneRange() : null;
}

export function restoreSelection(editor: HTMLElement, range: Range | null): void {
  if (range && editor.contains(range.startContainer)) {
    selectionFor(editor)?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  } else caretToEnd(editor);
}

/** Editors pick up a DOM selection on `selectionchange`, which fires a task later. */
function nextSelectionChange(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    document.addEventListener('selectionchange', done, { once: true });
    setTimeout(done, 80);
  });
}

function settle(ms = 60): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tryInsert(method: InsertMethod, editor: HTMLElement, text: string): void {
  if (method === 'paste') {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  } else if (method === 'execCommand') {
    // Deprecated but still the one call that makes the browser edit like a user would.
    document.execCommand('insertText', false, text);
  } else {
    editor.dispatchEvent(
      new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true }),
    );
  }
}

/**
 * Appends `text` at the end of the composer's last editor through the site's
 * own editor (so its model has it), trying the adapter's methods in order and
 * checking the result after each. Resolves with whether the text is there.
 */
export async function appendText(adapter: SiteAdapter, composer: Composer, text: string): Promise<boolean> {
  const editor = composer.editors[composer.editors.length - 1];
  if (!editor) return false;
  const before = readComposer(adapter, composer).text;
  if (editor instanceof HTMLTextAreaElement) {
    editor.focus();
    caretToEnd(editor);
    document.execCommand('insertText', false, text);
    return editor.value.includes(text.trim());
  }
  const wanted = text.trim();
  for (const method of adapter.insertMethods) {
    editor.focus();
    caretToEnd(editor);
    await nextSelectionChange();
    tryInsert(method, editor, text);
    // Draft.js re-renders after React's commit, Lexical in a microtask: read back later.
    await settle();
    const after = readComposer(adapter, composer).text;
    if (after.includes(wanted) && after.length > before.length) return true;
  }
  return false;
}
