import { createWorkspace, expect, newAccount, signIn, signUp, test } from './fixtures';
import { screenshotPath } from './support/screenshots';

test('sign up, create and rename a workspace, and keep it private from a second user', async ({ page }) => {
  const alice = newAccount('alice');
  await signUp(page, alice);
  await expect(page.getByTestId('signed-in-as')).toHaveText(alice.email);
  await expect(page.getByText('No workspaces yet')).toBeVisible();

  const id = await createWorkspace(page, 'Billing API');
  await page.goto('/dashboard');
  const list = page.getByRole('list', { name: 'Workspaces' });
  await expect(list.getByRole('link', { name: 'Billing API' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename Billing API' }).click();
  await page.getByLabel('New name').fill('Payments API');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(list.getByRole('link', { name: 'Payments API' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Billing API' })).toHaveCount(0);
  await page.reload();
  await expect(list.getByRole('link', { name: 'Payments API' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('dashboard.png') });

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  const bob = newAccount('bob');
  await signUp(page, bob);
  await expect(page.getByText('No workspaces yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Payments API' })).toHaveCount(0);

  const pageResponse = await page.goto(`/w/${id}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  const apiResponse = await page.request.get(`/api/workspaces/${id}`);
  expect(apiResponse.status()).toBe(404);
  expect(await apiResponse.json()).toEqual({ error: { code: 'not_found', message: 'Workspace not found.' } });
});

test('duplicate and delete a workspace with confirmation', async ({ signedIn: page }) => {
  await createWorkspace(page, 'Blog', 'blog');
  await page.goto('/dashboard');
  const list = page.getByRole('list', { name: 'Workspaces' });
  await page.getByRole('button', { name: 'Duplicate Blog' }).click();
  await expect(list.getByRole('link', { name: 'Copy of Blog' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Copy of Blog' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Copy of Blog”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(list.getByRole('link', { name: 'Copy of Blog' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Copy of Blog' }).click();
  await dialog.getByRole('button', { name: 'Delete workspace' }).click();
  await expect(list.getByRole('link', { name: 'Copy of Blog' })).toHaveCount(0);
  await expect(list.getByRole('link', { name: 'Blog', exact: true })).toBeVisible();
});

test('clear messages: taken email, weak password, wrong password', async ({ page, browser }) => {
  const account = newAccount('taken');
  await signUp(page, account);

  const fresh = await browser.newPage();
  await fresh.goto('/signup');
  await fresh.getByLabel('Email').fill(account.email.toUpperCase());
  await fresh.getByLabel('Password').fill(account.password);
  await fresh.getByRole('button', { name: 'Create account' }).click();
  await expect(fresh.getByRole('form').getByRole('alert')).toHaveText(
    'An account with this email already exists. Sign in instead.',
  );

  await fresh.getByLabel('Email').fill(newAccount().email);
  await fresh.getByLabel('Password').fill('short');
  await fresh.getByRole('button', { name: 'Create account' }).click();
  await expect(
    fresh.getByText('Password must be at least 8 characters, with at least one letter and one digit.'),
  ).toBeVisible();
  // The field says what is wrong; no generic banner on top of it.
  await expect(fresh.getByRole('form').getByRole('alert')).toHaveCount(0);

  await fresh.goto('/signin');
  await fresh.getByLabel('Email').fill(account.email);
  await fresh.getByLabel('Password').fill('not the password 1');
  await fresh.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(fresh.getByRole('form').getByRole('alert')).toHaveText('Wrong email or password.');

  await signIn(fresh, account);
  await fresh.close();
});

test('failed sign-ins are rate limited per account and say when to retry', async ({ page }) => {
  const account = newAccount('limited');
  await signUp(page, account);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(`wrong password ${attempt}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const expected =
      attempt < 5 ? 'Wrong email or password.' : /Too many failed sign-ins\. Try again in \d+ minutes?\./;
    await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText(expected);
  }
  // Even the right password is refused while locked.
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText(
    /Too many failed sign-ins\. Try again in 15 minutes\./,
  );
});
