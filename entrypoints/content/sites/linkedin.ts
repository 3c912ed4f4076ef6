// LinkedIn: Quill editors (.ql-editor). The share box opens from a trigger,
// sometimes inside the open shadow root of #interop-outlet; comment boxes post
// on Enter. The Post listener sits on the button itself.
import { countPreviews, makeAdapter } from './generic';

const EDITOR = '.ql-editor[contenteditable="true"]';
const SUBMIT =
  '.share-actions__primary-action, .comments-comment-box__submit-button, .comments-comment-box__submit-button--cr';
const COMMENT_SCOPE = '.comments-comment-box, .comments-comment-texteditor, .comments-comment-box__form';
// Attachment previews: the share box shows the chosen image(s) or video in
// .share-creation-state__preview-container (an update-components-image /
// video preview, with a "Remove media" button in its controls); comments show
// an attached image in .comments-comment-box__image-preview-container.
const PREVIEWS =
  '.share-creation-state__preview-container, .share-box__preview-image, .share-media-preview, ' +
  '.comments-comment-box__image-preview-container, .comments-comment-box__preview-image';
const VIDEO = '.share-creation-state__video-preview, [data-test-id="video-preview"]';
// The same container shows a link's preview card (an article image): not an attachment.
const LINK_CARD = 'a[href] *, .update-components-article *, [class*="article"] *, [class*="link-preview"] *';

export const linkedin = makeAdapter({
  name: 'linkedin',
  editor: EDITOR,
  submit: SUBMIT,
  submitsOnEnter: (editor) => editor.closest(COMMENT_SCOPE) !== null,
  // Quill 2's clipboard module takes a synthetic paste (multi-line safe);
  // execCommand goes through its MutationObserver as a fallback.
  insertMethods: ['paste', 'execCommand'],
  media: (root) => countPreviews(root.querySelectorAll(PREVIEWS), { video: VIDEO, exclude: LINK_CARD }),
});
