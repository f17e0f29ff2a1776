/**
 * The Content-Security-Policy of everything under /preview/: the proxy sets it on the app's answers and
 * next.config.ts on the route's own (a later header would replace the proxy's). Served on this app's origin, no
 * document of a preview may run scripts, submit forms or be sniffed as this app; only the IDE itself may frame it.
 */
export const PREVIEW_CSP = "sandbox; default-src 'none'; frame-ancestors 'self'; form-action 'none'";
