import path from 'node:path';
import { test } from '@playwright/test';

/**
 * Where a spec saves the screenshot the README shows as docs/screenshots/<name>: the test's own output folder
 * (test-results/, gitignored) by default, so a test run never writes into the repository;
 * UPDATE_SCREENSHOTS=1 refreshes docs/screenshots/ instead.
 */
export function screenshotPath(name: string): string {
  if (process.env.UPDATE_SCREENSHOTS === '1')
    return path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots', name);
  return test.info().outputPath(name);
}
