import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? `.data/e2e-${port}`;
// A production build on a fresh PGlite folder each run; E2E_SKIP_BUILD=1 reuses the last build while iterating.
const build = process.env.E2E_SKIP_BUILD ? 'true' : 'npm run build';

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
  webServer: {
    command: `rm -rf ${dataDir} && ${build} && node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/openapi.json`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: { FASTDRAFT_DATA_DIR: dataDir, SIGNIN_MAX_FAILURES: '5', DATABASE_URL: '' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
