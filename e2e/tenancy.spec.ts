import { expect, test } from '@playwright/test';
import { DEMO, keepScreenshot, logInViaApi, OPS, RIVAL } from './helpers';

test("a user of account B cannot open account A's pages", async ({ browser }) => {
  const demo = await browser.newPage();
  await logInViaApi(demo, DEMO);
  await demo.goto('/settings');
  const demoAccountId = (await demo.getByText(/Account id:/).textContent())!.replace('Account id:', '').trim();
  await demo.close();

  const rivalContext = await browser.newContext();
  const rival = await rivalContext.newPage();
  await logInViaApi(rival, RIVAL);

  // Asking to switch into account A is refused as if it did not exist.
  const switched = await rival.request.post('/api/accounts/switch', { data: { accountId: demoAccountId } });
  expect(switched.status()).toBe(404);

  // A forged account cookie is ignored: B still sees only B.
  await rivalContext.addCookies([{ name: 'cf_account', value: demoAccountId, url: test.info().project.use.baseURL! }]);
  await rival.goto('/settings');
  await expect(rival.getByTestId('account-name')).toHaveText('Rival Goods Demo');
  await expect(rival.getByText(demoAccountId)).toHaveCount(0);

  // The ops area is not there for tenants.
  const admin = await rival.goto('/admin');
  expect(admin?.status()).toBe(404);
  await rivalContext.close();
});

test('ops staff see the admin page with every tenant', async ({ page }) => {
  await logInViaApi(page, OPS);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Platform admin' })).toBeVisible();
  const tenants = page.getByRole('region', { name: /Tenants/ });
  await expect(tenants.getByRole('cell', { name: 'Glow Lab Demo', exact: true })).toBeVisible();
  await expect(tenants.getByRole('cell', { name: 'Rival Goods Demo', exact: true })).toBeVisible();
  await keepScreenshot(page, 'admin');
});

test('API routes answer 401 without a session and health reports the database', async ({ request }) => {
  const switched = await request.post('/api/accounts/switch', { data: { accountId: crypto.randomUUID() } });
  expect(switched.status()).toBe(401);
  const health = await (await request.get('/api/health')).json();
  expect(health.checks.database.status).toBe('healthy');
  expect(Object.keys(health.metrics).sort()).toEqual(['activeOrders', 'lastProcessedOrder', 'pendingWorkflows', 'queueDepth']);
});
