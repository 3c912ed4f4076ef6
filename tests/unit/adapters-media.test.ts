// The site adapters count attachment previews from markup shaped like the real
// composers' (linkedom documents; the e2e tests drive the fixture sites).
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { facebook } from '../../entrypoints/content/sites/facebook';
import { genericAdapter } from '../../entrypoints/content/sites/generic';
import { linkedin } from '../../entrypoints/content/sites/linkedin';
import type { SiteAdapter } from '../../entrypoints/content/sites/types';
import { x } from '../../entrypoints/content/sites/x';

function count(adapter: SiteAdapter, html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = document.getElementById('root')!;
  return adapter.media({ root, editors: [], submit: null });
}

describe('attachment previews', () => {
  it('X: photos, a video and a GIF in [data-testid="attachments"]; the avatar and icons are not media', () => {
    const html = `
      <img src="https://pbs.twimg.com/profile_images/1/me_normal.jpg" alt="avatar">
      <div data-testid="tweetTextarea_0" contenteditable="true"></div>
      <div data-testid="attachments">
        <div><img src="blob:https://x.com/1" alt="Image"><button aria-label="Remove media"><img width="18" src="x.svg"></button></div>
        <div><img src="blob:https://x.com/2" alt="Image"></div>
        <div data-testid="videoPlayer"><video src="blob:https://x.com/3" poster="blob:https://x.com/4"></video></div>
        <div data-testid="gifPlayer"><video src="https://video.twimg.com/tweet_video/abc.mp4"></video></div>
      </div>
      <div data-testid="toolBar"><button data-testid="tweetButtonInline">Post</button></div>`;
    expect(count(x, html)).toEqual({ images: 2, videos: 1, gifs: 1 });
    expect(count(x, '<div data-testid="tweetTextarea_0"></div><img src="a.jpg">')).toEqual({ images: 0, videos: 0, gifs: 0 });
  });

  it('Facebook: the block closed by "Remove post attachment", found without class names', () => {
    const html = `
      <img src="https://scontent/avatar.jpg" alt="Tester">
      <div role="textbox" contenteditable="true" data-lexical-editor="true"><p>hi</p></div>
      <div><div><div aria-label="Remove post attachment" role="button"><i></i></div>
        <div><div><img src="https://scontent/p1.jpg"></div><div><img src="https://media.giphy.com/media/x/giphy.gif"></div><div><video></video></div></div>
      </div></div>
      <div role="button" aria-label="Post">Post</div>`;
    expect(count(facebook, html)).toEqual({ images: 1, videos: 1, gifs: 1 });
    // No labelled control (another UI language): local previews outside the editor still count.
    expect(count(facebook, '<div contenteditable="true"></div><div><img src="blob:https://www.facebook.com/9"></div>')).toEqual({ images: 1, videos: 0, gifs: 0 });
  });

  it('LinkedIn: the share box preview container (images, or a video)', () => {
    const html = `
      <div class="ql-editor" contenteditable="true"><p>hi</p></div>
      <div class="share-creation-state__preview-container">
        <div class="share-creation-state__preview-container-controls"><button><span class="visually-hidden">Remove media</span></button></div>
        <div class="update-components-image update-components-image--multi-image">
          <img class="update-components-image__image" src="blob:https://www.linkedin.com/1">
          <img class="update-components-image__image" src="blob:https://www.linkedin.com/2">
        </div>
      </div>
      <button class="share-actions__primary-action">Post</button>`;
    expect(count(linkedin, html)).toEqual({ images: 2, videos: 0, gifs: 0 });
    expect(count(linkedin, '<div class="share-creation-state__preview-container"><div class="share-creation-state__video-preview"><video></video></div></div>')).toEqual({ images: 0, videos: 1, gifs: 0 });
  });

  it('unknown sites report no media', () => {
    expect(count(genericAdapter, '<img src="blob:1"><video></video>')).toEqual({ images: 0, videos: 0, gifs: 0 });
  });
});

describe('link preview cards are not attachments', () => {
  it('Facebook: a link card behind the same "Remove post attachment" control', () => {
    const html = `<div contenteditable="true"></div>
      <div><div aria-label="Remove post attachment" role="button"><i></i></div>
        <a href="https://anvilmesa.bandcamp.com/"><img src="https://external.fbru1-1.fna.fbcdn.net/emg1/v/t13/123"><span>anvilmesa.bandcamp.com</span></a>
      </div>`;
    expect(count(facebook, html)).toEqual({ images: 0, videos: 0, gifs: 0 });
  });
  it('LinkedIn: an article card in the preview container', () => {
    const html = `<div class="share-creation-state__preview-container"><div class="update-components-article">
      <img class="update-components-article__image" src="https://media.licdn.com/x.jpg"></div></div>`;
    expect(count(linkedin, html)).toEqual({ images: 0, videos: 0, gifs: 0 });
  });
});
