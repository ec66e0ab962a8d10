import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/test-app.ts';
import zh from '../../web/src/i18n/zh-CN.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import { demoIds, launchBrowser, newPage, shot, shotOnFailure, signIn, startDemoApp } from './browser.ts';

let t: TestApp;
let browser: Browser;
let otherOrganisationsOrder: string;

beforeAll(async () => {
  t = await startDemoApp();
  const ids = await demoIds(t);
  browser = await launchBrowser();
  const cs = await t.userClient('customer_service');
  const other = await cs.post('/api/v1/orders', {
    customerId: ids.party('H-SH-RJ'),
    lines: [{ deviceId: ids.device('LL-GAUZE-75'), quantity: 5 }],
  });
  expect(other.status).toBe(201);
  otherOrganisationsOrder = other.body.id;
});

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

for (const [locale, m, tag] of [
  ['zh-CN', zh, 'zh'],
  ['en-US', en, 'en'],
] as const) {
  describe(`hospital portal in ${locale}`, () => {
    it('a hospital buyer finds a device at its price, adds it to the cart, submits and sees the order', async () => {
      const page = await newPage(browser, locale);
      await signIn(page, t.url, 'hospital1');
      await page.waitForURL(/\/portal\/catalogue$/);
      const links = await page
        .locator('header nav a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['/portal/catalogue', '/portal/cart', '/portal/orders']);
      await page.locator('input[name=q]').fill('MASK-SURG');
      await page.locator('form[role=search] button').click();
      const row = page.locator('tr[data-code="LL-MASK-SURG"]');
      await row.waitFor();
      expect(await row.textContent()).toContain(m.priceSource.price_list);
      await row.locator('input').fill('20');
      await row.locator('button').click();
      await page.getByRole('status').waitFor();
      await shot(page, `${tag}-portal-catalogue`);

      await page.locator('header a[href="/portal/cart"]').click();
      await page.getByTestId('cart-total').waitFor();
      expect(await page.getByTestId('cart-total').textContent()).toMatch(/10\.00/);
      await page.locator('input[name=externalPo]').fill(`PO-${tag}-001`);
      await shot(page, `${tag}-portal-cart`);
      await page.locator('form button[type=submit]').click();

      await page.waitForURL(/\/portal\/orders\/[0-9a-f-]{36}$/);
      const heading = page.locator('h1', { hasText: /SO-\d{4}-\d+/ });
      await heading.waitFor();
      const number = (await heading.textContent())!.match(/SO-\d{4}-\d+/)![0];
      await shot(page, `${tag}-portal-order`);
      await page.locator('header a[href="/portal/orders"]').click();
      const listed = page.locator('tr', { has: page.locator(`a:text("${number}")`) });
      await listed.waitFor();
      expect(await listed.textContent()).toContain(`PO-${tag}-001`);
      await shot(page, `${tag}-portal-orders`);
      await page.context().close();
    });

    it('another organisation’s order address shows the not-found screen', async () => {
      const page = await newPage(browser, locale);
      await signIn(page, t.url, 'hospital1');
      await page.goto(`${t.url}/portal/orders/${otherOrganisationsOrder}`);
      await page.getByTestId('not-found').waitFor();
      expect(await page.locator('h1').textContent()).toBe(m.notFound.title);
      await shot(page, `${tag}-portal-not-found`);
      await page.goto(`${t.url}/orders/${otherOrganisationsOrder}`);
      await page.getByTestId('not-found').waitFor();
      await page.context().close();
    });
  });
}
