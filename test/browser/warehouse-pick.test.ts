import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/test-app.ts';
import zh from '../../web/src/i18n/zh-CN.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import { demoIds, launchBrowser, newPage, shot, shotOnFailure, signIn, startDemoApp } from './browser.ts';

let t: TestApp;
let browser: Browser;
const orderNumbers: string[] = [];
const orderIds: string[] = [];

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
/** The GS1 label of a unit, as a scanner types it (parenthesised human-readable form). */
const label = (gtin: string, expiresOn: string, lot: string) =>
  `(01)${gtin}(17)${expiresOn.slice(2).replaceAll('-', '')}(10)${lot}`;
const MASK_EACH_GTIN = '06901234105018';

beforeAll(async () => {
  t = await startDemoApp();
  const ids = await demoIds(t);
  browser = await launchBrowser();
  const admin = await t.userClient('admin');
  const receipt = await admin.post('/api/v1/inventory/receipts', {
    binId: ids.bin,
    reason: 'opening',
    lines: [
      { deviceId: ids.device('LL-MASK-SURG'), lotNumber: 'MS-PICK', expiresOn: inDays(500), quantity: 100 },
    ],
  });
  expect(receipt.status).toBe(201);
  for (let i = 0; i < 2; i++) {
    const order = await admin.post('/api/v1/orders', {
      customerId: ids.party('H-SH-RJ'),
      lines: [{ deviceId: ids.device('LL-MASK-SURG'), quantity: 2 }],
    });
    expect(order.status).toBe(201);
    const allocated = await admin.post(`/api/v1/orders/${order.body.id}/allocate`);
    expect(allocated.status, JSON.stringify([order.body, allocated.body])).toBe(200);
    orderNumbers.push(order.body.number);
    orderIds.push(order.body.id);
  }
});

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each([
  ['zh-CN', zh, 'zh', 0],
  ['en-US', en, 'en', 1],
] as const)('warehouse picking in %s', (locale, m, tag, n) => {
  it('a picker scans with a keyboard-wedge scanner: the field keeps the focus, each scan is accepted or refused at once', async () => {
    const page = await newPage(browser, locale);
    await signIn(page, t.url, 'wh1', undefined, '/warehouse/pick');
    await page.locator('input[name=orderNumber]').fill(orderNumbers[n]!);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/warehouse\/pick\/[0-9a-f-]{36}$/);
    const scan = page.locator('input[name=scan]');
    const focused = () => page.evaluate('document.activeElement && document.activeElement.name');
    await expect.poll(focused).toBe('scan');

    // A scanner types the label and Enter; a unit of another lot than any free stock is refused.
    await page.keyboard.type(`${label(MASK_EACH_GTIN, inDays(500), 'NO-SUCH-LOT')}\n`);
    const result = page.getByRole('status');
    await expect.poll(() => result.getAttribute('data-accept')).toBe('false');
    // The refusal is in the picker's language: Chinese text for zh-CN, none for English.
    expect(/[\u4e00-\u9fff]/.test((await result.textContent())!)).toBe(tag === 'zh');
    expect(await focused()).toBe('scan');
    expect(await scan.inputValue()).toBe('');

    for (let i = 1; i <= 2; i++) {
      await page.keyboard.type(`${label(MASK_EACH_GTIN, inDays(500), 'MS-PICK')}\n`);
      await expect.poll(() => page.locator('.timeline li').count()).toBe(1 + i);
      await expect.poll(() => result.getAttribute('data-accept')).toBe('true');
    }
    expect(await result.textContent()).toContain('LL-MASK-SURG');
    await expect.poll(() => page.locator('tbody td.num').first().textContent()).toBe('2 / 2');
    await expect.poll(() => page.locator('.title-row .badge').textContent()).toBe(m.status['pick-picked']);
    expect(await focused()).toBe('scan');
    await shot(page, `${tag}-pick-scan`);

    // The order shows its allocation by lot and what was picked of it.
    await page.goto(`${t.url}/orders/${orderIds[n]}`);
    const allocation = page.locator('tr', { has: page.locator('a:text("MS-PICK")') });
    await allocation.waitFor();
    expect(await allocation.locator('td.num').allTextContents()).toEqual(['2']);
    const line = page.locator('tr', { hasText: 'LL-MASK-SURG' }).first();
    expect((await line.locator('td.num').allTextContents()).slice(1, 3)).toEqual(['2', '2']); // allocated, picked
    await page.context().close();
  });
});
