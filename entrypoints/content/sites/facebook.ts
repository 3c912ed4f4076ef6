// Facebook: Lexical editors. "Create post" lives in a [role=dialog] created on
// demand; the Post control is a div[role=button] whose aria-label is in the
// user's language; comment boxes post on Enter.
import { makeAdapter } from './generic';

const EDITOR = '[role="textbox"][contenteditable="true"][data-lexical-editor="true"]';
// The Post control's label follows the UI language (Post, Plaatsen, Publier, Posten, Veröffentlichen…).
const POST_LABELS = ['Post', 'Plaatsen', 'Publier', 'Posten', 'Veröffentlichen', 'Publiceren', 'Share', 'Delen', 'Partager', 'Teilen'];
const SUBMIT = POST_LABELS.map((l) => `[role="dialog"] [role="button"][aria-label="${l}"]`).join(', ');
// Comment boxes: under a post (article) or in a comment form; their placeholder says so.
const COMMENT_SCOPE = '[role="article"], form, [data-testid*="comment" i]';
const COMMENT_LABEL = /comment|opmerking|reactie|reageer|commentaire|kommentar/i;

export const facebook = makeAdapter({
  name: 'facebook',
  editor: EDITOR,
  submit: SUBMIT,
  submitsOnEnter: (editor) =>
    editor.closest(COMMENT_SCOPE) !== null || COMMENT_LABEL.test(editor.getAttribute('aria-label') ?? ''),
  // Lexical: one <p> per paragraph; its plain-text paste handler keeps the model in sync.
  insertMethods: ['paste', 'execCommand'],
});
