import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations, keepScreenshot, logInViaApi } from './helpers';

test('a new creator signs up, sees the shell, logs out and logs back in', async ({ page }) => {
  const email = `e2e-${Date.now()}@test.creatorflow.dev`;
  await page.goto('/signup');
  await keepScreenshot(page, 'signup');
  await page.getByLabel('Your name').fill('Sky Rivera');
  await page.getByLabel('Shop or brand name').fill('Sky Skincare');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByTestId('account-switcher')).toContainText('Sky Skincare');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const section of ['Orders', 'Inventory', 'Shipping', 'Analytics', 'Settings']) {
    await expect(nav.getByRole('link', { name: section })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/orders');
  await expect(page).toHaveURL(/\/login\?next=%2Forders$/);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByTestId('account-switcher')).toContainText('Sky Skincare');
});

test('a wrong password and a malformed email get clear errors', async ({ page }) => {
  await page.goto('/login');
  await keepScreenshot(page, 'login');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Email or password is incorrect')).toHaveAttribute('role', 'alert');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
});

test('the demo creator sees every main page, each with its empty state', async ({ page }) => {
  await logInViaApi(page, DEMO);
  for (const [path, heading] of [
    ['/orders', 'Orders'],
    ['/inventory', 'Inventory'],
    ['/shipping', 'Shipping'],
    ['/analytics', 'Analytics'],
    ['/settings', 'Settings'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await keepScreenshot(page, `demo${path.replace('/', '-')}`);
  }
  await expect(page.getByTestId('account-name')).toHaveText('Glow Lab Demo');
});
