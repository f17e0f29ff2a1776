import { test as base, expect, type Page } from '@playwright/test';

export interface Account {
  email: string;
  password: string;
}

let counter = 0;
export function newAccount(prefix = 'user'): Account {
  counter += 1;
  return {
    email: `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.test`,
    password: 'correct horse 42',
  };
}

/** Signs up through the real form and waits for the dashboard. */
export async function signUp(page: Page, account: Account) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
}

export async function signIn(page: Page, account: Account) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your workspaces' })).toBeVisible();
}

/** Creates a workspace from the dashboard form and waits for its page; returns its id. */
export async function createWorkspace(page: Page, name: string, template = 'blank'): Promise<string> {
  await page.goto('/dashboard');
  const form = page.getByRole('form', { name: 'New workspace' });
  await form.getByLabel('Workspace name').fill(name);
  await form.getByLabel('Template').selectOption(template);
  await form.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A page signed in as a fresh account of its own. */
export const test = base.extend<{ account: Account; signedIn: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  account: async ({}, use) => {
    await use(newAccount());
  },
  signedIn: async ({ page, account }, use) => {
    await signUp(page, account);
    await use(page);
  },
});

export { expect };
