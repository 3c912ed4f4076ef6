// Facebook: Lexical editors. "Create post" lives in a [role=dialog] created on
// demand; the Post control is a div[role=button] whose aria-label is in the
// user's language; comment boxes post on Enter.
import { countPreviews, makeAdapter } from './generic';

const EDITOR = '[role="textbox"][contenteditable="true"][data-lexical-editor="true"]';
// The Post control's label follows the UI language (Post, Plaatsen, Publier, Posten, Veröffentlichen…).
const POST_LABELS = ['Post', 'Plaatsen', 'Publier', 'Posten', 'Veröffentlichen', 'Publiceren', 'Share', 'Delen', 'Partager', 'Teilen'];
const SUBMIT = POST_LABELS.map((l) => `[role="dialog"] [role="button"][aria-label="${l}"]`).join(', ');
// Comment boxes: under a post (article) or in a comment form; their placeholder says so.
const COMMENT_SCOPE = '[role="article"], form, [data-testid*="comment" i]';
const COMMENT_LABEL = /comment|opmerking|reactie|reageer|commentaire|kommentar/i;
// Attachment previews: "Create post" draws the chosen photos/videos (or GIF) in
// a block between the editor and the "Add to your post" bar, closed by an
// [aria-label="Remove post attachment"] control in its corner (classes are
// obfuscated, so the block is found from that control). The label follows the
// UI language (the English one is what public automation scripts use; the
// others are unverified); without any, a local blob: preview still counts.
// The same control closes a link preview card: its image (fetched through
// Facebook's external/safe_image proxy, inside a link) is not an attachment.
const REMOVE_LABELS = [
  'Remove post attachment', 'Remove Post Attachment', 'Bijlage van bericht verwijderen', 'Berichtbijlage verwijderen',
  'Supprimer la pièce jointe de la publication', 'Beitragsanhang entfernen', 'Anhang entfernen',
];
const REMOVE = REMOVE_LABELS.map((l) => `[aria-label="${l}"]`).join(', ');
// Local previews only (a blob: URL of the chosen file). Feed posts play their own
// videos from blob: URLs too, so nothing inside a feed post ([role=article]) counts.
const BLOB_PREVIEW = 'img[src^="blob:"], video[src^="blob:"]';
const LINK_CARD = 'a[href] *, img[src*="safe_image"], img[src*="external"]';

/** The preview block a remove control belongs to: its nearest ancestor showing media. */
function previewBlocks(root: Element): Element[] {
  const blocks: Element[] = [];
  for (const remove of root.querySelectorAll(REMOVE)) {
    let node: Element | null = remove.parentElement;
    for (let i = 0; node && node !== root && i < 4; i++, node = node.parentElement) {
      if (node.querySelector('img, video')) {
        blocks.push(node);
        break;
      }
    }
  }
  if (blocks.length) return blocks;
  // No labelled control (another language, a redesign): local previews outside the editor.
  return [...root.querySelectorAll(BLOB_PREVIEW)].filter((el) => !el.closest('[contenteditable="true"], [role="article"]'));
}

export const facebook = makeAdapter({
  name: 'facebook',
  editor: EDITOR,
  submit: SUBMIT,
  submitsOnEnter: (editor) =>
    editor.closest(COMMENT_SCOPE) !== null || COMMENT_LABEL.test(editor.getAttribute('aria-label') ?? ''),
  // Lexical: one <p> per paragraph; its plain-text paste handler keeps the model in sync.
  insertMethods: ['paste', 'execCommand'],
  media: (root) => countPreviews(previewBlocks(root), { exclude: LINK_CARD }),
});
