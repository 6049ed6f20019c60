import { expect, test } from '@playwright/test';
import { DEMO, expectNoSeriousA11yViolations, keepScreenshot, logInViaApi, OPS } from './helpers';

/**
 * The ops journey: queue health and failed jobs, the webhook log with a replay, the audit log.
 * A webhook is produced first through the real flow (an order placed in the TikTok Shop simulator),
 * so the log has something to replay. Tenants get 404 for every admin page and API.
 */
const appPort = Number(process.env.E2E_PORT ?? 3100);
const slot = Math.max(0, Math.round((appPort - 3100) / 100)) * 10;
const SIMULATOR = `http://127.0.0.1:${4101 + slot}`;

test.describe.configure({ mode: 'serial' });

test('tenants cannot see the admin area or call its API', async ({ page }) => {
  await logInViaApi(page, DEMO);
  for (const path of ['/admin', '/admin/jobs', '/admin/webhooks', '/admin/audit']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  const retry = await page.request.post('/api/admin/jobs/retry', {
    data: { queue: 'orders.advance-order', id: crypto.randomUUID() },
  });
  expect(retry.status()).toBe(404);
  const replay = await page.request.post(`/api/admin/webhooks/${crypto.randomUUID()}/replay`);
  expect(replay.status()).toBe(404);
});

test('queue health lists every queue; the failed-jobs list renders', async ({ page }) => {
  await logInViaApi(page, OPS);
  await page.goto('/admin/jobs');
  await expect(page.getByRole('heading', { name: 'Queues and failed jobs' })).toBeVisible();
  await expect(page.getByTestId('queue-row').filter({ hasText: 'orders.advance-order' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Failed jobs \(\d+\)/ })).toBeVisible();
  await keepScreenshot(page, 'admin-jobs');
  await expectNoSeriousA11yViolations(page);

  const bad = await page.request.post('/api/admin/jobs/retry', { data: { queue: 'not a queue', id: 'x' } });
  expect(bad.status()).toBe(400);
});

test('the webhook log shows a real TikTok webhook, and ops can replay it', async ({ page }) => {
  const placed = await page.request.post(`${SIMULATOR}/__sandbox/orders`, { data: { count: 1 } });
  expect(placed.ok(), await placed.text()).toBeTruthy();

  await logInViaApi(page, OPS);
  await expect(async () => {
    await page.goto('/admin/webhooks?provider=tiktok');
    await expect(page.getByTestId('webhook-row').first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('webhook-stat').filter({ hasText: /tiktok/i })).toBeVisible();
  await keepScreenshot(page, 'admin-webhooks');
  await expectNoSeriousA11yViolations(page);

  const row = page.getByTestId('webhook-row').first();
  await row.getByRole('button', { name: 'Replay' }).click();
  await expect(row.getByRole('button', { name: 'Replayed' })).toBeVisible({ timeout: 15_000 });

  await page.goto('/admin/audit?action=admin.webhook_replayed');
  await expect(page.getByTestId('audit-row').first()).toContainText('admin.webhook_replayed');
  await keepScreenshot(page, 'admin-audit');
  await expectNoSeriousA11yViolations(page);
});

test('the overview shows tenants, webhook stats and circuit breakers', async ({ page }) => {
  await logInViaApi(page, OPS);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Platform admin' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'TikTok circuit breakers' })).toBeVisible();
  await expect(page.getByTestId('tenant-row').filter({ hasText: 'Glow Lab Demo' })).toBeVisible();
  await keepScreenshot(page, 'admin-overview');
  await expectNoSeriousA11yViolations(page);
});
