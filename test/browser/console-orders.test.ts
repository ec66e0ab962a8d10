import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';
import zh from '../../web/src/i18n/zh-CN.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import {
  demoIds,
  launchBrowser,
  newPage,
  shot,
  shotOnFailure,
  signIn,
  signOut,
  startDemoApp,
  DEMO_PASSWORD,
} from './browser.ts';

let t: TestApp;
let browser: Browser;
let ids: Awaited<ReturnType<typeof demoIds>>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startDemoApp();
  ids = await demoIds(t);
  browser = await launchBrowser();
  // Stock for the inventory screens: one lot close to expiry, one far, with a certificate.
  const admin = await t.userClient('admin');
  const receipt = await admin.post('/api/v1/inventory/receipts', {
    binId: ids.bin,
    reason: 'opening',
    lines: [
      { deviceId: ids.device('LL-MASK-SURG'), lotNumber: 'MS-NEAR', expiresOn: inDays(20), quantity: 500 },
      { deviceId: ids.device('LL-MASK-SURG'), lotNumber: 'MS-FAR', expiresOn: inDays(600), quantity: 800 },
    ],
  });
  expect(receipt.status).toBe(201);
  const doc = await admin.post(`/api/v1/inventory/lots/${receipt.body.lines[0].lotId}/documents`, {
    kind: 'certificate_of_conformity',
    reference: 'COC-2026-0042',
  });
  expect(doc.status).toBe(201);
});

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const badge = (page: Page) => page.locator('.title-row .badge');

for (const [locale, m, tag] of [
  ['zh-CN', zh, 'zh'],
  ['en-US', en, 'en'],
] as const) {
  describe(`console in ${locale}`, () => {
    it('customer service places an order the compliance check holds; quality signs the release; it is confirmed', async () => {
      const page = await newPage(browser, locale);
      await page.goto(t.url);
      await page.locator('#login-title').waitFor();
      expect(await page.locator('#login-title').textContent()).toBe(m.login.title);
      await shot(page, `${tag}-login`);
      await signIn(page, t.url, 'cs1');
      await page.waitForURL(/\/orders$/);
      expect(await page.locator('h1').textContent()).toBe(m.orders.title);

      await page.locator('a[href="/orders/new"]').first().click();
      // The list has a customer filter of the same name: choose only once the new-order form is shown.
      await expect.poll(() => page.locator('h1').textContent()).toBe(m.create.title);
      await page.locator('select[name=customerId]').selectOption(ids.party('H-CD-HX'));
      await page.locator('select[name=device-0]').selectOption(ids.device('LL-MASK-SURG'));
      await page.locator('input[name=quantity-0]').fill('10');
      await expect.poll(() => page.getByTestId('price-0').textContent()).toMatch(/0\.50/);
      await shot(page, `${tag}-order-create`);
      await page.locator('form button[type=submit]').click();

      await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
      await expect.poll(() => badge(page).textContent()).toBe(m.status.on_hold);
      const hold = page.locator('.hold').first();
      expect(await hold.textContent()).toContain(m.hold.compliance);
      expect(await hold.textContent()).toContain(m.facts.LICENCE_EXPIRED);
      const number = (await page.locator('h1').textContent())!.match(/SO-\d{4}-\d+/)![0];
      await shot(page, `${tag}-order-held`);

      await page.goto(`${t.url}/orders?holdType=compliance`);
      await page.locator(`a:text("${number}")`).waitFor();
      await shot(page, `${tag}-orders`);
      await signOut(page);

      await signIn(page, t.url, 'qa1');
      await page.locator('a[href="/approvals"]').click();
      const row = page.locator('tr', { has: page.locator(`a:text("${number}")`) });
      await row.locator('button').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[name=username]').fill('qa1');
      await dialog.locator('input[name=password]').fill('not-the-password-1');
      await dialog.locator('button[type=submit]').click();
      await dialog.getByRole('alert').waitFor();
      await dialog.locator('input[name=password]').fill(DEMO_PASSWORD);
      expect(await dialog.locator('select[name=meaning]').inputValue()).toBe('released');
      await shot(page, `${tag}-sign-dialog`);
      await dialog.locator('button[type=submit]').click();
      await page.getByRole('status').waitFor();
      expect(await page.getByRole('status').textContent()).toContain(number);
      await page.getByRole('status').locator('a').click();
      await expect.poll(() => badge(page).textContent()).toBe(m.status.confirmed);
      expect(await page.locator('.timeline').textContent()).toContain(m.meaning.released);
      await shot(page, `${tag}-order-confirmed`);
      await page.context().close();
    });

    it('shows stock coloured by expiry, the near-expiry view and a lot with its documents', async () => {
      const page = await newPage(browser, locale);
      await signIn(page, t.url, 'qa1', DEMO_PASSWORD, '/inventory');
      const near = page.locator('tr', { hasText: 'MS-NEAR' });
      await near.waitFor();
      expect(await near.locator('.exp-exp30').count()).toBe(1);
      expect(await page.locator('tr', { hasText: 'MS-FAR' }).locator('.exp-ok').count()).toBe(1);
      await shot(page, `${tag}-stock`);
      await page.locator('a[href="/inventory/near-expiry"]').first().click();
      await page.locator('tr', { hasText: 'MS-NEAR' }).waitFor();
      await shot(page, `${tag}-near-expiry`);
      await page.locator('a:text("MS-NEAR")').click();
      await page.locator('td', { hasText: 'COC-2026-0042' }).waitFor();
      expect(await page.locator('body').textContent()).toContain(m.docKind.certificate_of_conformity);
      await shot(page, `${tag}-lot`);
      await page.context().close();
    });
  });
}

describe('navigation by role', () => {
  it('shows each user only the screens their permissions allow', async () => {
    const page = await newPage(browser, 'en-US');
    await signIn(page, t.url, 'wh1');
    const links = await page
      .locator('header nav a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/inventory');
    expect(links).not.toContain('/approvals');
    expect(links).not.toContain('/orders/new');
    await page.goto(`${t.url}/approvals`);
    await page.getByTestId('not-found').waitFor();
    await page.context().close();
    // An administrator holds every staff permission and belongs to no hospital: every console screen, no portal one.
    const admin = await newPage(browser, 'en-US');
    await t.userClient('admin', { username: 'console-admin' });
    await signIn(admin, t.url, 'console-admin', TEST_PASSWORD);
    const adminLinks = await admin
      .locator('header nav a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(adminLinks).toEqual(
      expect.arrayContaining([
        '/orders',
        '/orders/new',
        '/approvals',
        '/inventory',
        '/inventory/near-expiry',
        '/warehouse/pick',
        '/warehouse/shipments',
        '/trace',
        '/admin',
        '/dashboard',
        '/planning',
      ]),
    );
    expect(adminLinks.filter((l) => l?.startsWith('/portal'))).toEqual([]);
    await admin.context().close();
  });
});
