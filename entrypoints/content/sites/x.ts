// X (twitter.com / x.com): Draft.js composers.
// Timeline box and the compose modal (rendered into #layers) can be live at
// once; a thread is several tweetTextarea_N editors posted by one button.
import { countPreviews, makeAdapter } from './generic';

// Editors: the number is the position in a thread. Mobile web nests a <textarea>
// inside the same test id, hence no tag and the contenteditable OR textarea forms.
const EDITOR = '[data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid^="tweetTextarea_"] textarea';
// Buttons have been both <div role=button> and <button>: no tag name.
const SUBMIT = '[data-testid="tweetButtonInline"], [data-testid="tweetButton"]';
// Draft.js renders one element per block (line).
const BLOCK = '[data-block="true"]';
// Attachment previews: X draws them in [data-testid="attachments"] between the
// editor and the toolbar, one item per file: <img> for a photo, <video> for a
// video, a GIF player (a <video> too) for a GIF; each with a "Remove media" button.
const ATTACHMENTS = '[data-testid="attachments"]';
const GIF = '[data-testid="gifPlayer"]';
const VIDEO = '[data-testid="videoPlayer"], [data-testid="videoComponent"]';

export const x = makeAdapter({
  name: 'x',
  editor: EDITOR,
  submit: SUBMIT,
  groupsEditors: true,
  // X posts with Ctrl/Cmd+Enter only; plain Enter is a new line.
  submitsOnEnter: () => false,
  blocks: (editor) => {
    const blocks = editor.querySelectorAll(BLOCK);
    return blocks.length ? [...blocks] : [editor];
  },
  // Draft.js keeps its model in sync with a paste event; execCommand confuses its selection.
  insertMethods: ['paste', 'beforeinput'],
  media: (root) => countPreviews(root.querySelectorAll(ATTACHMENTS), { gif: GIF, video: VIDEO }),
});
