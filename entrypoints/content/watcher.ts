// Composers come and go (dialogs, replies, SPA navigation). Submits and typing
// are caught by delegation at the window, so a composer that appears later is
// guarded with no per-composer listener and no polling. The only thing left to
// watch is an element we drew something for (panel, indicator) leaving the
// page: a MutationObserver that exists only while something is shown.

/** Calls `cb` once when `el` leaves the document; the returned function cancels. */
export function whenGone(el: Element, cb: () => void, signal: AbortSignal): () => void {
  const observer = new MutationObserver(() => {
    // isConnected is cheap; the observer only tells us when to look.
    if (!el.isConnected) {
      cancel();
      cb();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  // Mutations inside a shadow root (LinkedIn's #interop-outlet) are not
  // reported to observers of the document: watch that root as well.
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) observer.observe(root, { childList: true, subtree: true });
  const cancel = () => {
    observer.disconnect();
    signal.removeEventListener('abort', cancel);
  };
  signal.addEventListener('abort', cancel, { once: true });
  return cancel;
}
