import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import {
  DEMO_PASSWORD,
  demoIds,
  launchBrowser,
  newPage,
  shot,
  shotOnFailure,
  signIn,
  startDemoApp,
} from './browser.ts';
import { audit, focused, focusRingShown, settle, tabThrough, visit } from './axe.ts';
import zh from '../../web/src/i18n/zh-CN.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };

/**
 * Accessibility (WCAG 2.1 A/AA by axe-core, colour contrast included) of every main screen of the
 * console and the portal, in both languages, signed in as the role that uses it; and the keyboard:
 * the pick screen's scan field has the focus without trapping it, dialogs keep the focus inside
 * and give it back, and the focused element shows a ring.
 */
let t: TestApp;
let browser: Browser;
let ids: Awaited<ReturnType<typeof demoIds>>;
const scene = {} as Record<
  'shippedOrder' | 'lot' | 'openPick' | 'closedPackage' | 'reviewedPackage' | 'shipment' | 'portalOrder',
  string
>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const EXPIRES = inDays(500);
const LOT = 'MS-A11Y';
const label = `(01)06901234105018(17)${EXPIRES.slice(2).replaceAll('-', '')}(10)${LOT}`;

async function ok<T = any>(call: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await call;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

/** An allocated order of two masks with a pick list; `scans` of its units picked. */
async function pickedOrder(admin: HttpClient, picker: HttpClient, scans: number) {
  const order = await ok(
    admin.post('/api/v1/orders', {
      customerId: ids.party('H-SH-RJ'),
      lines: [{ deviceId: ids.device('LL-MASK-SURG'), quantity: 2 }],
    }),
  );
  await ok(admin.post(`/api/v1/orders/${order.id}/allocate`), 200);
  const list = await ok(picker.post('/api/v1/pick-lists', { orderIds: [order.id] }));
  for (let i = 0; i < scans; i++)
    await ok(picker.post(`/api/v1/pick-lists/${list.id}/scans`, { scan: label }));
  return { orderId: order.id as string, pickListId: list.id as string };
}

const pack = (picker: HttpClient, orderId: string) =>
  ok(
    picker.post(`/api/v1/orders/${orderId}/packages`, {
      weightG: 850,
      lengthMm: 300,
      widthMm: 200,
      heightMm: 150,
    }),
  );

beforeAll(async () => {
  t = await startDemoApp();
  ids = await demoIds(t);
  const admin = await t.userClient('admin');
  const picker = await t.userClient('warehouse');
  const reviewer = await t.userClient('warehouse', { username: 'wh-a11y-review' });
  const receipt = await ok(
    admin.post('/api/v1/inventory/receipts', {
      binId: ids.bin,
      reason: 'opening',
      lines: [{ deviceId: ids.device('LL-MASK-SURG'), lotNumber: LOT, expiresOn: EXPIRES, quantity: 20 }],
    }),
  );
  scene.lot = receipt.lines[0].lotId;
  await ok(
    admin.post(`/api/v1/inventory/lots/${scene.lot}/documents`, {
      kind: 'certificate_of_conformity',
      reference: 'COC-A11Y',
    }),
  );
  // Shipped: order, package reviewed by a second person, shipment.
  const shipped = await pickedOrder(admin, picker, 2);
  scene.shippedOrder = shipped.orderId;
  scene.reviewedPackage = (await pack(picker, shipped.orderId)).id;
  await ok(
    reviewer.post(`/api/v1/packages/${scene.reviewedPackage}/review`, {
      password: TEST_PASSWORD,
      meaning: 'reviewed',
    }),
    200,
  );
  scene.shipment = (
    await ok(
      admin.post(`/api/v1/orders/${shipped.orderId}/shipments`, {
        carrier: 'SF',
        trackingNumber: 'SF-A11Y-1',
      }),
    )
  ).id;
  // Packed, waiting for its review; and a pick list not yet started.
  scene.closedPackage = (await pack(picker, (await pickedOrder(admin, picker, 2)).orderId)).id;
  scene.openPick = (await pickedOrder(admin, picker, 0)).pickListId;
  // A hospital whose licence has expired: a compliance hold for quality's inbox.
  await ok(
    admin.post('/api/v1/orders', {
      customerId: ids.party('H-CD-HX'),
      lines: [{ deviceId: ids.device('LL-MASK-SURG'), quantity: 1 }],
    }),
  );
  scene.portalOrder = (
    await ok(
      admin.post('/api/v1/orders', {
        customerId: ids.party('H-BJ-XH'),
        lines: [{ deviceId: ids.device('LL-GAUZE-75'), quantity: 3 }],
      }),
    )
  ).id;
  browser = await launchBrowser();
}, 300_000);

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Visits each screen as `username` and audits it; `extra` audits states reached by interaction. */
async function auditScreens(
  locale: 'zh-CN' | 'en-US',
  user: string | { username: string; password: string },
  paths: string[],
  extra: (page: Page, found: string[]) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const page = await newPage(browser, locale);
  const { username, password } =
    typeof user === 'string' ? { username: user, password: DEMO_PASSWORD } : user;
  await signIn(page, t.url, username, password, paths[0]);
  const found: string[] = [];
  for (const path of paths) {
    await visit(page, `${t.url}${path}`);
    found.push(...(await audit(page, `${locale} ${path}`)));
  }
  await extra(page, found);
  await page.context().close();
  return found;
}

/** Opens a dialog with `opener`, audits it, checks the focus stays inside and returns on Escape. */
async function auditDialog(page: Page, opener: ReturnType<Page['locator']>, screen: string, found: string[]) {
  await opener.focus();
  const openedBy = await focused(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.getAttribute('aria-modal')).toBe('true');
  found.push(...(await audit(page, screen)));
  const inside = () =>
    page.evaluate<boolean>(`document.querySelector('[role=dialog]').contains(document.activeElement)`);
  expect(await inside()).toBe(true);
  // Round the dialog's fields forwards, then backwards, and more than once each way.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(i < 10 ? 'Tab' : 'Shift+Tab');
    expect(await inside(), `focus left the dialog after ${i + 1} presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await focused(page)).toBe(openedBy);
}

describe.each(['zh-CN', 'en-US'] as const)('accessibility in %s', (locale) => {
  const tag = locale.slice(0, 2);

  it('the sign-in screen', async () => {
    const page = await newPage(browser, locale);
    await page.goto(`${t.url}/login`, { waitUntil: 'networkidle' });
    await page.locator('input[name=username]').waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe(
      locale === 'zh-CN' ? 'zh-CN' : 'en',
    );
    const found = await audit(page, `${locale} /login`);
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
    // Switching the language switches the page's language for screen readers and hyphenation.
    const other = locale === 'zh-CN' ? 'en' : 'zh-CN';
    await page.locator('label.lang select').selectOption(other);
    await expect.poll(() => page.evaluate<string>('document.documentElement.lang')).toBe(other);
    await page.context().close();
  });

  it('customer service: orders, new order, order detail, stock, trace', async () => {
    const found = await auditScreens(locale, 'cs1', [
      '/orders',
      '/orders/new',
      `/orders/${scene.shippedOrder}`,
      '/inventory',
      '/inventory/near-expiry',
      `/inventory/lots/${scene.lot}`,
      '/trace',
      `/trace/lots/${scene.lot}`,
      `/trace/orders/${scene.shippedOrder}`,
    ]);
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('quality: approvals and the signature dialog', async () => {
    const found = await auditScreens(locale, 'qa1', ['/approvals'], async (page, f) => {
      await auditDialog(page, page.locator('tbody tr button').first(), `${locale} /approvals sign dialog`, f);
    });
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('warehouse: pick, pack, review dialog, ship, shipment; the scan field keeps the focus without a trap', async () => {
    const found = await auditScreens(
      locale,
      'wh1',
      [
        '/warehouse/pick',
        '/warehouse/shipments',
        `/warehouse/orders/${scene.shippedOrder}/pack`,
        `/warehouse/orders/${scene.shippedOrder}/ship`,
        `/warehouse/shipments/${scene.shipment}`,
        `/warehouse/packages/${scene.reviewedPackage}`,
        `/warehouse/packages/${scene.closedPackage}`,
      ],
      async (page, f) => {
        await auditDialog(page, page.locator('button[name=review]'), `${locale} review dialog`, f);
        await shot(page, `${tag}-a11y-package`);
        await visit(page, `${t.url}/warehouse/pick/${scene.openPick}`);
        f.push(...(await audit(page, `${locale} /warehouse/pick/:id`)));
        await expect.poll(() => focused(page)).toBe('input[name=scan]');
        // Shift+Tab leaves the field for the header's controls (no keyboard trap), each with a focus ring.
        const m = locale === 'zh-CN' ? zh : en;
        for (const control of [`button ${m.nav.logout}`, `select ${m.common.language}`]) {
          await page.keyboard.press('Shift+Tab');
          expect(await focused(page)).toBe(control);
          expect(await focusRingShown(page), control).toBe(true);
        }
        expect(await tabThrough(page, 2)).toEqual([`button ${m.nav.logout}`, 'input[name=scan]']);
        await shot(page, `${tag}-a11y-pick-focus`);
      },
    );
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('admin: master data, pricing, rules, users, imports', async () => {
    const admin = await t.userClient('admin');
    const found = await auditScreens(locale, { username: admin.username, password: TEST_PASSWORD }, [
      '/admin',
      '/admin/devices',
      '/admin/devices/new',
      `/admin/devices/${ids.device('LL-MASK-SURG')}`,
      '/admin/customers',
      `/admin/customers/${ids.party('H-CD-HX')}`,
      '/admin/pricing',
      '/admin/rules',
      '/admin/users',
      '/admin/imports',
    ]);
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('finance and planning: the KPI dashboard and the planning screen', async () => {
    const found = [
      ...(await auditScreens(locale, 'fin1', ['/dashboard'])),
      ...(await auditScreens(locale, 'plan1', ['/planning'])),
    ];
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  it('the hospital portal: catalogue, cart, orders, order', async () => {
    const found = await auditScreens(
      locale,
      'hospital1',
      ['/portal/catalogue', '/portal/orders', `/portal/orders/${scene.portalOrder}`],
      async (page, f) => {
        await visit(page, `${t.url}/portal/catalogue`);
        await page.locator('tr[data-code="LL-MASK-SURG"] input').fill('20');
        await page.locator('tr[data-code="LL-MASK-SURG"] button').click();
        await page.getByRole('status').waitFor();
        f.push(...(await audit(page, `${locale} /portal/catalogue added`)));
        await page.locator('header a[href="/portal/cart"]').click();
        await settle(page);
        f.push(...(await audit(page, `${locale} /portal/cart`)));
      },
    );
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });
});
