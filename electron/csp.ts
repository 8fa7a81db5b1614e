/**
 * The page's Content Security Policy. `renderer/index.html` carries the same
 * string in its meta tag (a test keeps them equal); Electron main and
 * `netloom serve` also send it as a header. `style-src 'unsafe-inline'` is
 * there because React Flow positions nodes with inline styles; scripts come
 * only from the app's own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
