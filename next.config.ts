import type { NextConfig } from 'next';

const config: NextConfig = {
  // WASM and native packages must stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  // Lets parallel builds (e.g. two e2e runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default config;
