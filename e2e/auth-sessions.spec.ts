import { expect, newAccount, signIn, signUp, test } from './fixtures';

// A cookie copied elsewhere (another device, or stolen) is the same session: ending it must end the copy too.
test('sign-out and "sign out everywhere" end sessions on the server; copied cookies stop working', async ({
  browser,
}) => {
  const account = newAccount('sessions');
  const laptop = await browser.newContext();
  const page = await laptop.newPage();
  await signUp(page, account);
  const copy = await browser.newContext({ storageState: await laptop.storageState() });
  expect((await copy.request.get('/api/workspaces')).status()).toBe(200);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  const refused = await copy.request.get('/api/workspaces');
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('unauthenticated');

  // Two sessions, and another person's: "Sign out everywhere" ends both of this account's only.
  await signIn(page, account);
  const phone = await browser.newContext();
  await signIn(await phone.newPage(), account);
  const other = await browser.newContext();
  await signUp(await other.newPage(), newAccount('bystander'));
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await phone.request.get('/api/workspaces')).status()).toBe(401);
  expect((await page.request.get('/api/workspaces')).status()).toBe(401);
  expect((await other.request.get('/api/workspaces')).status()).toBe(200);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);

  await Promise.all([laptop.close(), copy.close(), phone.close(), other.close()]);
});

test('app pages refuse to be framed by other sites; previews may be framed by the app itself', async ({
  request,
}) => {
  for (const path of ['/', '/signin', '/dashboard']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
  const preview = await request.get('/preview/00000000-0000-4000-8000-000000000000/openapi.json');
  expect(preview.headers()['content-security-policy']).toMatch(/^sandbox;.*frame-ancestors 'self'/);
  expect(preview.headers()['x-frame-options']).toBe('SAMEORIGIN');
});
