import fs from 'node:fs/promises';
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

/**
 * The main path of an order through the console, in the browser: placed → held by compliance →
 * released by quality's signature → allocated → picked by scan (a wrong scan refused) → packed
 * (SSCC) → reviewed by a second person with a signature (the picker is refused) → shipped →
 * packing list downloaded as PDF → delivered → traced from the lot to the hospital.
 */
let t: TestApp;
let browser: Browser;
let ids: Awaited<ReturnType<typeof demoIds>>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const EXPIRES = inDays(500);
const MASK_EACH_GTIN = '06901234105018';
const label = (lot: string) => `(01)${MASK_EACH_GTIN}(17)${EXPIRES.slice(2).replaceAll('-', '')}(10)${lot}`;
const LOTS = { zh: 'MS-MAIN-ZH', en: 'MS-MAIN-EN' } as const;

beforeAll(async () => {
  t = await startDemoApp();
  ids = await demoIds(t);
  browser = await launchBrowser();
  const admin = await t.userClient('admin');
  // One lot per language run, so each run's trace shows its own shipment; each with its certificate.
  const receipt = await admin.post('/api/v1/inventory/receipts', {
    binId: ids.bin,
    reason: 'opening',
    lines: Object.values(LOTS).map((lotNumber) => ({
      deviceId: ids.device('LL-MASK-SURG'),
      lotNumber,
      expiresOn: EXPIRES,
      quantity: 2,
    })),
  });
  expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
  for (const line of receipt.body.lines as { lotId: string }[]) {
    const doc = await admin.post(`/api/v1/inventory/lots/${line.lotId}/documents`, {
      kind: 'certificate_of_conformity',
      reference: `COC-${line.lotId.slice(0, 8)}`,
    });
    expect(doc.status).toBe(201);
  }
  // The second warehouse person, who did not pick, does the outbound review.
  await t.userClient('warehouse', { username: 'wh2' });
});

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const badge = (page: Page) => page.locator('.title-row .badge').first();

describe.each([
  ['zh-CN', zh, 'zh'],
  ['en-US', en, 'en'],
] as const)('the main path in %s', (locale, m, tag) => {
  it('order → hold → signed release → allocate → scan-pick → pack → signed review → ship → PDF → trace', async () => {
    const page = await newPage(browser, locale);
    // Customer service places an order for a hospital whose licence has expired: a compliance hold.
    await signIn(page, t.url, 'cs1', DEMO_PASSWORD, '/orders/new');
    await page.locator('select[name=customerId]').selectOption(ids.party('H-CD-HX'));
    await page.locator('select[name=device-0]').selectOption(ids.device('LL-MASK-SURG'));
    await page.locator('input[name=quantity-0]').fill('2');
    await expect.poll(() => page.getByTestId('price-0').textContent()).toMatch(/0\.50/);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = page.url().split('/').pop()!;
    await expect.poll(() => badge(page).textContent()).toBe(m.status.on_hold);
    expect(await page.locator('.hold').first().textContent()).toContain(m.hold.compliance);
    const number = (await page.locator('h1').textContent())!.match(/SO-\d{4}-\d+/)![0];
    await signOut(page);

    // Quality signs the release.
    await signIn(page, t.url, 'qa1', DEMO_PASSWORD, '/approvals');
    const task = page.locator('tr', { has: page.locator(`a:text("${number}")`) });
    await task.locator('button').click();
    const sign = page.getByRole('dialog');
    await sign.locator('input[name=username]').fill('qa1');
    await sign.locator('input[name=password]').fill(DEMO_PASSWORD);
    await sign.locator('button[type=submit]').click();
    await page.getByRole('status').waitFor();
    await signOut(page);

    // The warehouse allocates (FEFO) and starts the pick list from the order.
    await signIn(page, t.url, 'wh1', DEMO_PASSWORD, `/orders/${orderId}`);
    await expect.poll(() => badge(page).textContent()).toBe(m.status.confirmed);
    await page.locator('.title-row button', { hasText: m.order.allocate }).click();
    await expect.poll(() => badge(page).textContent()).toBe(m.status.allocated);
    await page.locator('.title-row button', { hasText: m.pick.create }).click();
    await page.waitForURL(/\/warehouse\/pick\/[0-9a-f-]{36}$/);

    // Scan-pick: a label of a lot not allocated is refused; the right label, twice, is accepted.
    const result = page.getByRole('status');
    await page.locator('input[name=scan]').waitFor();
    await page.keyboard.type(`${label('NO-SUCH-LOT')}\n`);
    await expect.poll(() => result.getAttribute('data-accept')).toBe('false');
    for (let i = 1; i <= 2; i++) {
      await page.keyboard.type(`${label(LOTS[tag])}\n`);
      await expect.poll(() => page.locator('.timeline li').count()).toBe(1 + i);
      await expect.poll(() => result.getAttribute('data-accept')).toBe('true');
    }
    await expect.poll(() => page.locator('.title-row .badge').textContent()).toBe(m.status['pick-picked']);

    // Pack: weight and dimensions → a carton with its SSCC label.
    await page.locator(`header a[href="/warehouse/shipments"]`).click();
    await page.locator('input[name=orderNumber]').fill(number);
    await page.locator('button[name=pack]').click();
    await page.waitForURL(/\/warehouse\/orders\/[0-9a-f-]{36}\/pack$/);
    const dims = { weightG: '850', lengthMm: '300', widthMm: '200', heightMm: '150' };
    for (const [f, v] of Object.entries(dims)) await page.locator(`input[name=${f}]`).fill(v);
    await page.locator('form.dims button[type=submit]').click();
    const sscc = page.getByTestId('sscc-label').locator('.sscc');
    await expect.poll(() => sscc.textContent()).toMatch(/^\(00\) \d{18}$/);
    const cartonSscc = (await sscc.textContent())!.slice(5);
    await shot(page, `${tag}-pack`);

    // The picker may not review the package: the API refuses, the dialog says why.
    await page.getByTestId('packages').locator('a').first().click();
    await page.waitForURL(/\/warehouse\/packages\/[0-9a-f-]{36}$/);
    const packageUrl = page.url();
    await page.locator('button[name=review]').click();
    const review = page.getByRole('dialog');
    await review.locator('input[name=password]').fill(DEMO_PASSWORD);
    await review.locator('button[type=submit]').click();
    await expect
      .poll(() => review.getByTestId('reviewer-is-picker').textContent())
      .toBe(m.ship.reviewerIsPicker);
    await review.locator('button[type=button]').click();
    await signOut(page);

    // A second person counts, signs with the password, and the package is reviewed.
    await signIn(page, t.url, 'wh2', TEST_PASSWORD, new URL(packageUrl).pathname);
    await page.locator('button[name=review]').click();
    await review.locator('input[name=count-1]').fill('2');
    await review.locator('input[name=password]').fill('not-the-password-1');
    await review.locator('button[type=submit]').click();
    await review.getByRole('alert').waitFor();
    await review.locator('input[name=password]').fill(TEST_PASSWORD);
    expect(await review.locator('select[name=meaning]').inputValue()).toBe('reviewed');
    await shot(page, `${tag}-review`);
    await review.locator('button[type=submit]').click();
    await expect.poll(() => badge(page).textContent()).toBe(m.status['pkg-reviewed']);
    expect(await page.getByTestId('reviewed-by').textContent()).toContain('wh2');

    // Ship: carrier and tracking number → the shipment with its number.
    await page.locator('.title-row a', { hasText: m.ship.toShip }).click();
    await page.locator('input[name=carrier]').fill('顺丰速运 SF Express');
    await page.locator('input[name=trackingNumber]').fill(`SF${Date.now()}`);
    await shot(page, `${tag}-ship`);
    await page.locator('form.dims button[type=submit]').click();
    await page.waitForURL(/\/warehouse\/shipments\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/SH-\d{4}-\d+/);
    expect(await badge(page).textContent()).toBe(m.status.shipped);
    const docs = page.getByTestId('documents');
    await docs.locator('a[data-kind=packing_list]').waitFor();
    await shot(page, `${tag}-shipment-documents`);

    // The packing list downloads as a PDF.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      docs.locator('a[data-kind=packing_list]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^SH-\d{4}-\d+-packing_list\.pdf$/);
    const pdf = await fs.readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Proof of delivery.
    await page.locator('input[name=receivedBy]').fill('王护士 Wang');
    await page.locator('form.dims button[type=submit]').click();
    await expect.poll(() => badge(page).textContent()).toBe(m.status.delivered);

    // Trace the lot by GTIN and lot number: the hospital is its consignee.
    await page.locator('header a[href="/trace"]').click();
    await page.locator('input[name=gtin]').fill(MASK_EACH_GTIN);
    await page.locator('input[name=lot]').fill(LOTS[tag]);
    await page
      .locator('form', { has: page.locator('input[name=lot]') })
      .locator('button')
      .click();
    await page.waitForURL(/\/trace\/lots\/[0-9a-f-]{36}$/);
    const consignees = page.getByTestId('consignees');
    await consignees.locator('tbody tr').first().waitFor();
    expect(await consignees.textContent()).toContain('H-CD-HX');
    expect(await consignees.textContent()).toContain(number);
    expect(await consignees.locator('tbody tr').first().locator('td.num').allTextContents()).toEqual([
      '2',
      '0',
      '2',
    ]);
    await shot(page, `${tag}-trace-lot`);

    // A scanned carton label leads to the order: lot, UDI, documents; a bad GTIN names the field.
    await page.locator('header a[href="/trace"]').click();
    await page.locator('input[name=gtin]').fill('12AB');
    await page.locator('input[name=lot]').fill(LOTS[tag]);
    await page
      .locator('form', { has: page.locator('input[name=lot]') })
      .locator('button')
      .click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\((querystring\.)?gtin\)/);
    await page.locator('input[name=code]').fill(`(00)${cartonSscc}`);
    await page
      .locator('form', { has: page.locator('input[name=code]') })
      .locator('button')
      .click();
    await page.waitForURL(/\/trace\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain(number);
    const udi = `(01)${MASK_EACH_GTIN}(17)${EXPIRES.slice(2).replaceAll('-', '')}(10)${LOTS[tag]}`;
    await expect.poll(() => page.locator('td code').first().textContent()).toBe(udi);
    await expect
      .poll(() => page.getByTestId('documents').locator('a[data-kind=packing_list]').count())
      .toBe(1);
    await shot(page, `${tag}-trace-order`);
    await page.context().close();
  });
});
