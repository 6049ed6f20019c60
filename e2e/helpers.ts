import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO = { email: 'demo@creatorflow.dev', password: 'creatorflow-demo' };
export const RIVAL = { email: 'rival@creatorflow.dev', password: 'creatorflow-demo' };
export const OPS = { email: 'ops@creatorflow.dev', password: 'creatorflow-demo' };

/** Logs in through the API (as STYLE.md asks): the cookie lands in the page's browser context. */
export async function logInViaApi(page: Page, user: { email: string; password: string }): Promise<void> {
  const response = await page.request.post('/api/auth/login', { data: user });
  expect(response.status()).toBe(200);
}

/** Keeps a full-page screenshot of a main page as a test artifact. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}
