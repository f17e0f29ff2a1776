import { expect, test } from '@playwright/test';

test('the app has an icon: no 404 for /favicon.ico or the icon link, no failed request on the first page', async ({
  page,
}) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') failed.push(`console: ${message.text()}`);
  });
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

  const link = page.locator('link[rel="icon"][type="image/svg+xml"]');
  await expect(link).toHaveCount(1);
  const icon = await page.request.get((await link.getAttribute('href')) ?? '');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<svg');

  const favicon = await page.request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO file: reserved 0, type 1 (icon), one image.
  expect([...(await favicon.body()).subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);

  expect(failed).toEqual([]);
});
