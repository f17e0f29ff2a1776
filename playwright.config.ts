import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? `.data/e2e-${port}`;
// A production build of the current sources (built unless its stamp says it is: scripts/build-stamp.mjs) on a
// fresh PGlite folder each run; E2E_SKIP_BUILD=1 reuses whatever build there is while iterating.
const build = process.env.E2E_SKIP_BUILD ? 'true' : 'node scripts/build.mjs --if-stale';
// The assistant talks to a local OpenAI-compatible test server that scripts its answers (e2e/support/fake-llm.ts).
const llmPort = Number(process.env.E2E_LLM_PORT ?? port + 500);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: [
    {
      command: `node --import tsx e2e/support/fake-llm.ts`,
      url: `http://127.0.0.1:${llmPort}/health`,
      env: { FAKE_LLM_PORT: String(llmPort) },
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `rm -rf ${dataDir} && ${build} && node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/api/openapi.json`,
      timeout: 600_000,
      reuseExistingServer: false,
      // SIGTERM, not SIGKILL: the server stops its previews and unmounts their quota disks before it exits.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5000 },
      env: {
        FASTDRAFT_DATA_DIR: dataDir,
        SIGNIN_MAX_FAILURES: '5',
        // Every test signs up a fresh account from 127.0.0.1.
        SIGNUP_MAX_PER_ADDRESS: '100000',
        // The test client plays the reverse proxy: it may name the address it forwards for (X-Forwarded-For).
        TRUSTED_PROXIES: '127.0.0.1',
        DATABASE_URL: '',
        AI_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
        AI_API_KEY: 'e2e-key',
        AI_MODEL: 'fastdraft-test-model',
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
