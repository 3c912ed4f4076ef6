// LinkedIn: Quill editors (.ql-editor). The share box opens from a trigger,
// sometimes inside the open shadow root of #interop-outlet; comment boxes post
// on Enter. The Post listener sits on the button itself.
import { makeAdapter } from './generic';

const EDITOR = '.ql-editor[contenteditable="true"]';
const SUBMIT =
  '.share-actions__primary-action, .comments-comment-box__submit-button, .comments-comment-box__submit-button--cr';
const COMMENT_SCOPE = '.comments-comment-box, .comments-comment-texteditor, .comments-comment-box__form';

export const linkedin = makeAdapter({
  name: 'linkedin',
  editor: EDITOR,
  submit: SUBMIT,
  submitsOnEnter: (editor) => editor.closest(COMMENT_SCOPE) !== null,
  // Quill 2's clipboard module takes a synthetic paste (multi-line safe);
  // execCommand goes through its MutationObserver as a fallback.
  insertMethods: ['paste', 'execCommand'],
});
