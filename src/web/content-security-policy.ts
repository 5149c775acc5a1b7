/**
 * The one Content-Security-Policy of the service: helmet sends it on every response (bootstrap.ts)
 * and the page handlers set it on the HTML they serve (web-dist.ts PAGE_HEADERS), so a page
 * served outside the helmet middleware carries the same policy. Same-origin only: the pages load
 * their scripts, styles and fonts from `'self'` (no inline script or style, no `eval`), images
 * also from `data:` (the TOTP QR code), and can be framed by nobody.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/** The header value of CSP_DIRECTIVES. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
