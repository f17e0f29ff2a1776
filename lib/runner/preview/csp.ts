/**
 * The Content-Security-Policy of everything under /preview/: the proxy sets it on the app's answers and
 * next.config.ts on the route's own (a later header would replace the proxy's). Served on this app's origin, no
 * document of a preview may run scripts, submit forms or be sniffed as this app; only the IDE itself may frame it.
 */
export const PREVIEW_CSP = "sandbox; default-src 'none'; frame-ancestors 'self'; form-action 'none'";

/** Headers next.config.ts sets on every answer of the app: no other site may frame the IDE (clickjacking). */
export const SITE_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Content-Security-Policy', "frame-ancestors 'none'"],
  ['X-Frame-Options', 'DENY'],
];

/** ...and on top of them under /preview/ (framed by the IDE itself at most). */
export const PREVIEW_ROUTE_HEADERS: [string, string][] = [
  ['Content-Security-Policy', PREVIEW_CSP],
  ['X-Frame-Options', 'SAMEORIGIN'],
];
