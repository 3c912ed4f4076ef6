// The sites the content script runs on (also used by wxt.config.ts for the
// web-accessible engine module). Listed host by host rather than
// *.facebook.com so Postcheck never runs on developers.facebook.com & co.
export const SITE_MATCHES = [
  '*://x.com/*',
  '*://www.x.com/*',
  '*://mobile.x.com/*',
  '*://twitter.com/*',
  '*://www.twitter.com/*',
  '*://mobile.twitter.com/*',
  '*://facebook.com/*',
  '*://www.facebook.com/*',
  '*://web.facebook.com/*',
  '*://m.facebook.com/*',
  '*://linkedin.com/*',
  '*://www.linkedin.com/*',
];
