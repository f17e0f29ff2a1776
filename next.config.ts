import type { NextConfig } from 'next';
import { PREVIEW_ROUTE_HEADERS, SITE_HEADERS } from './lib/runner/preview/csp';

const config: NextConfig = {
  // WASM and native packages must stay outside the server bundle.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'pg',
    '@astral-sh/ruff-wasm-nodejs',
    'web-tree-sitter',
    // Worker threads: the pool resolves its own worker script (lib/jobs/pool.ts).
    'piscina',
  ],
  poweredByHeader: false,
  // `next dev`'s badge sat on the editor's Problems header (bottom left); build and runtime errors still show.
  devIndicators: false,
  // `next dev` otherwise refuses its own scripts when opened as 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  // Lets parallel builds (e.g. two e2e runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // No other site may frame the IDE (clickjacking). Live previews (/preview/*) get the proxy's sandbox policy
  // (framed by the IDE itself at most): a later rule overrides an earlier one with the same key, and these
  // override the route's own headers, so the proxy's policy is repeated here.
  async headers() {
    const headers = (list: [string, string][]) => list.map(([key, value]) => ({ key, value }));
    return [
      { source: '/:path*', headers: headers(SITE_HEADERS) },
      { source: '/preview/:path*', headers: headers(PREVIEW_ROUTE_HEADERS) },
    ];
  },
};

export default config;
