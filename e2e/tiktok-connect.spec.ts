import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations, keepScreenshot, logInViaApi } from './helpers';

/**
 * Connecting a TikTok Shop through the real OAuth round trip: Settings → Shops → Connect → the TikTok
 * Shop simulator's consent page → Approve → our callback (state checked, code exchanged, shop stored)
 * → back on Settings → Shops with the shop listed. The e2e stack already connected the demo shop to
 * the demo account at start-up (as `bun run dev` does), so for the demo this is a re-authorization and
 * for a brand-new account it is a clear refusal.
 */
const SHOP = 'CreatorFlow Demo Shop';

async function approveOnTikTok(page: Page, decision: 'Approve' | 'Reject' = 'Approve') {
  await expect(page).toHaveURL(/\/oauth\/authorize\?app_key=[^&]+&state=[\w-]+/);
  await expect(page.getByRole('heading', { name: /Authorize CreatorFlow/ })).toBeVisible();
  await keepScreenshot(page, 'tiktok-consent');
  await page.getByRole('button', { name: decision }).click();
}

test('the demo creator connects a TikTok Shop and lands on Settings → Shops with it listed', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/settings/shops');
  await expect(page.getByRole('heading', { level: 1, name: 'Shops' })).toBeVisible();

  await page.getByTestId('connect-tiktok-shop').click();
  await approveOnTikTok(page);

  await expect(page).toHaveURL(/\/settings\/shops\?tiktok=connected/);
  await expect(page.getByTestId('connect-notice')).toContainText(`Connected ${SHOP}`);
  const card = page.getByTestId('shop-card').filter({ hasText: SHOP });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('shop-status')).toHaveText('Connected');
  await expect(card.getByRole('button', { name: 'Resync' })).toBeVisible();
  await keepScreenshot(page, 'settings-shops');
  await expectNoSeriousA11yViolations(page);
});

test('a new account cannot take a shop another account has connected', async ({ page }) => {
  const signup = await page.request.post('/api/auth/signup', {
    data: { email: `e2e-shop-${Date.now()}@test.creatorflow.dev`, password: 'a long enough password', fullName: 'Nia Park', accountName: 'Nia Beauty' },
  });
  expect(signup.ok()).toBe(true);
  await page.goto('/settings/shops');
  await expect(page.getByText('No TikTok Shop connected yet')).toBeVisible();

  await page.getByTestId('connect-tiktok-shop').click();
  await approveOnTikTok(page);

  await expect(page).toHaveURL(/\/settings\/shops\?tiktok=refused/);
  await expect(page.getByTestId('connect-notice')).toContainText(`${SHOP} is already connected to another CreatorFlow account`);
  await expect(page.getByTestId('shop-card')).toHaveCount(0);
});

test('declining on TikTok connects nothing and says so', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/settings/shops');
  await page.getByTestId('connect-tiktok-shop').click();
  await approveOnTikTok(page, 'Reject');
  await expect(page).toHaveURL(/\/settings\/shops\?tiktok=denied/);
  await expect(page.getByTestId('connect-notice')).toContainText('declined');
});

test('a callback that did not start here is refused (CSRF state)', async ({ page }) => {
  await logInViaApi(page, DEMO);
  await page.goto('/api/tiktok/callback?code=forged-code&state=forged-state');
  await expect(page).toHaveURL(/\/settings\/shops\?tiktok=invalid_state/);
  await expect(page.getByTestId('connect-notice')).toContainText('expired or did not start here');
});
