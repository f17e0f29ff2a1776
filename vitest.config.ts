import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; tests import server modules directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/test/server-only-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    // Build output (.next, and .next-bench of the benchmarks) holds copies of dependencies' own tests.
    exclude: ['node_modules/**', 'e2e/**', '.next*/**', 'dist/**', '.cache/**', '.data/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
  },
});
