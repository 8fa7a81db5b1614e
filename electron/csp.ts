/**
 * The page's Content Security Policy, sent as a header by Electron main and
 * by `netloom serve`. `renderer/index.html` carries the same policy in a meta
 * tag minus `frame-ancestors`, which browsers honour only as a header (a test
 * keeps the two equal). `style-src 'unsafe-inline'` is there because React
 * Flow positions nodes with inline styles; scripts come only from the app's
 * own files.
 */
const META_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy in `renderer/index.html`'s meta tag. */
export const META_CONTENT_SECURITY_POLICY = META_DIRECTIVES.join('; ');

/** The policy as an HTTP header. */
export const CONTENT_SECURITY_POLICY = [...META_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
