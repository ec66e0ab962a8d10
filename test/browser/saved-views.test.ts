import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/test-app.ts';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import { demoIds, launchBrowser, newPage, shot, shotOnFailure, signIn, startDemoApp } from './browser.ts';

let t: TestApp;
let browser: Browser;
let held: string;
let draft: string;

beforeAll(async () => {
  t = await startDemoApp();
  const ids = await demoIds(t);
  browser = await launchBrowser();
  // Two orders of a customer whose licence has expired: one submitted (a compliance hold), one a draft.
  const admin = await t.userClient('admin');
  const order = (submit: boolean) =>
    admin.post('/api/v1/orders', {
      customerId: ids.party('H-CD-HX'),
      submit,
      lines: [{ deviceId: ids.device('LL-MASK-SURG'), quantity: 10 }],
    });
  const [a, b] = [await order(true), await order(false)];
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(a.body.holds.map((h: { type: string }) => h.type)).toContain('compliance');
  [held, draft] = [a.body.number, b.body.number];
});

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const orderLink = (page: Page, number: string) => page.locator('table').locator(`a:text("${number}")`);
const viewLabel = en.savedViews.mineShared.replace('{{name}}', 'Compliance holds');

it('customer service saves the filtered order list as a shared view, reloads and applies it again', async () => {
  const page = await newPage(browser, 'en-US');
  await signIn(page, t.url, 'cs1');
  await page.waitForURL(/\/orders$/);
  await expect.poll(() => page.locator('h1').textContent()).toBe(en.orders.title);
  await orderLink(page, draft).waitFor();

  await page.locator('form.filters select[name=holdType]').selectOption('compliance');
  await page.locator('form.filters button[type=submit]').click();
  await page.waitForURL(/holdType=compliance/);
  await orderLink(page, held).waitFor();
  await orderLink(page, draft).waitFor({ state: 'detached' });

  await page.getByLabel(en.savedViews.name).fill('Compliance holds');
  await page.getByLabel(en.savedViews.shared).check();
  await page.getByRole('button', { name: en.savedViews.save }).click();
  await expect
    .poll(() => page.getByRole('status').textContent())
    .toBe(en.savedViews.saved.replace('{{name}}', 'Compliance holds'));

  // Unfiltered again, as a fresh visit: every order shows.
  await page.goto(`${t.url}/orders`);
  await expect.poll(() => page.locator('h1').textContent()).toBe(en.orders.title);
  await orderLink(page, draft).waitFor();
  const select = page.locator('select[name=savedView]');
  await select.locator('option', { hasText: viewLabel }).waitFor({ state: 'attached' });
  await select.selectOption({ label: viewLabel });

  await page.waitForURL(/holdType=compliance/);
  expect(await page.locator('form.filters select[name=holdType]').inputValue()).toBe('compliance');
  await orderLink(page, held).waitFor();
  await orderLink(page, draft).waitFor({ state: 'detached' });
  await shot(page, 'en-saved-views');

  await page.getByRole('button', { name: en.savedViews.delete }).click();
  await select.locator('option', { hasText: viewLabel }).waitFor({ state: 'detached' });
  await page.context().close();
});
