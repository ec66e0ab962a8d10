import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { gs1CheckDigit } from '../../src/modules/udi/check-digit.ts';
import zh from '../../web/src/i18n/admin.zh-CN.json' with { type: 'json' };
import en from '../../web/src/i18n/admin.en.json' with { type: 'json' };
import { demoIds, launchBrowser, newPage, shot, shotOnFailure, signIn, startDemoApp } from './browser.ts';

let t: TestApp;
let browser: Browser;
let adminName: string;
let adminApi: HttpClient;
let ids: Awaited<ReturnType<typeof demoIds>>;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const EXPIRING_LICENCE = 'ADMIN-TEST-LIC-30D';

beforeAll(async () => {
  t = await startDemoApp();
  ids = await demoIds(t);
  const admin = (adminApi = await t.userClient('admin'));
  adminName = admin.username;
  // A distributor whose distribution licence ends in 30 days: inside the 60-day warning window.
  const licence = await admin.post(`/api/v1/parties/${ids.party('D-GD-KM')}/licences`, {
    licenceType: 'class2_filing',
    number: EXPIRING_LICENCE,
    deviceClasses: ['II'],
    validFrom: inDays(-300),
    validTo: inDays(30),
  });
  expect(licence.status, JSON.stringify(licence.body)).toBe(201);
  // Orders for the dashboard, and a work centre with a work order for the planning chart.
  const cs = await t.userClient('customer_service');
  for (const quantity of [10, 20, 30]) {
    const order = await cs.post('/api/v1/orders', {
      customerId: ids.party('H-CD-HX'),
      requestedDate: inDays(20),
      lines: [{ deviceId: ids.device('LL-MASK-SURG'), quantity }],
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
  }
  const centre = await admin.post('/api/v1/planning/work-centres', {
    code: 'WC-ASM',
    nameZh: '装配线',
    nameEn: 'Assembly line',
    shifts: 1,
    minutesPerShift: 480,
  });
  expect(centre.status, JSON.stringify(centre.body)).toBe(201);
  const routing = await admin.post('/api/v1/planning/routings', {
    deviceId: ids.device('LL-BAND-EL'),
    operations: [{ seq: 10, workCentreId: centre.body.id, setupMinutes: 60, runMinutesPerUnit: 1.5 }],
  });
  expect(routing.status, JSON.stringify(routing.body)).toBe(201);
  const workOrder = await admin.post('/api/v1/planning/work-orders', {
    deviceId: ids.device('LL-BAND-EL'),
    quantity: 1200,
    dueDate: inDays(14),
  });
  expect(workOrder.status, JSON.stringify(workOrder.body)).toBe(201);
  browser = await launchBrowser();
});

afterEach(shotOnFailure);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('master data, imports and the KPI dashboard in zh-CN', () => {
  it('admin creates a device with a GTIN per packaging level and sees it in the catalogue', async () => {
    const page = await newPage(browser, 'zh-CN');
    await signIn(page, t.url, adminName, TEST_PASSWORD, '/admin');
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.hub.title);
    await page.locator('a[href="/admin/devices"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.devices.title);
    await shot(page, 'zh-admin-devices');

    await page.locator('a[href="/admin/devices/new"]').click();
    await page.locator('input[name=code]').fill('LL-ADMIN-NEW');
    await page.locator('input[name=nameZh]').fill('一次性使用无菌注射器 5ml');
    await page.locator('input[name=nameEn]').fill('Sterile syringe 5 ml');
    await page.locator('select[name=deviceClass]').selectOption('II');
    await page.locator('input[name=categoryCode]').fill('14-02-01');
    await page.locator('input[name=registrationNumber]').fill('苏械注准20212149999');
    await page.locator('input[name=registrationExpiresOn]').fill(inDays(900));
    const each = `0690123499${'001'}`;
    const box = `1690123499${'001'}`;
    await page.locator('input[name=gtin-0]').fill(each + gs1CheckDigit(each));
    await page.getByRole('button', { name: `+ ${zh.devices.addLevel}` }).click();
    await page.locator('input[name=gtin-1]').fill(box + gs1CheckDigit(box));
    await page.locator('input[name=quantity-1]').fill('20');
    await shot(page, 'zh-admin-device-create');
    await page.getByRole('button', { name: zh.common.save }).click();

    await page.waitForURL(/\/admin\/devices\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('h1').textContent()).toContain('LL-ADMIN-NEW');
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain(box + gs1CheckDigit(box));
    expect(await rows.nth(1).textContent()).toContain('20');
    await shot(page, 'zh-admin-device-detail');
  });

  it('admin sees the customer with a licence expiring within 60 days highlighted', async () => {
    const page = await newPage(browser, 'zh-CN');
    await signIn(page, t.url, adminName, TEST_PASSWORD, '/admin/customers');
    const row = page.locator('tr', { hasText: 'D-GD-KM' });
    await expect.poll(() => row.getAttribute('class')).toBe('licence-expiring');
    expect(await row.textContent()).toContain(zh.customers.expiresIn.replace('{{days}}', '30'));
    expect(await page.locator('tr', { hasText: 'H-GZ-ZS1' }).getAttribute('class')).toBe('');
    await shot(page, 'zh-admin-customers');

    await row.locator('a').click();
    const licence = page.locator('tr', { hasText: EXPIRING_LICENCE });
    await expect.poll(() => licence.getAttribute('data-state')).toBe('expiring');
    await shot(page, 'zh-admin-customer-licences');
  });

  it('admin checks a devices CSV with a bad row (dry run) and sees that row in the error report', async () => {
    const page = await newPage(browser, 'zh-CN');
    await signIn(page, t.url, adminName, TEST_PASSWORD, '/admin/imports');
    const file = [
      'code,nameZh,deviceClass,categoryCode,registrationNumber,registrationExpiresOn,storageCondition,trackingMode,shelfLifeDays',
      'IMP-0001,导入测试器械一,II,14-02-01,苏械注准20212140001,2030-05-31,ambient,lot,1095',
      'IMP-0002,导入测试器械二,II,14-02-01,苏械注准20212140002,2030-05-31,ambient,lot,-3',
    ].join('\n');
    await page.locator('select[name=kind]').selectOption('devices');
    await page
      .locator('input[name=file]')
      .setInputFiles({ name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: zh.imports.dryRun }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const bad = result.locator('table.row-errors tbody tr');
    expect(await bad.count()).toBe(1);
    expect(await bad.first().locator('td').first().textContent()).toBe('3');
    expect(await bad.first().textContent()).toContain('shelfLifeDays');
    expect(await result.locator('a[download]').getAttribute('href')).toMatch(
      /^\/api\/v1\/imports\/[0-9a-f-]{36}\/errors\.csv$/,
    );
    await shot(page, 'zh-admin-import-dry-run');
    // Nothing was written by the dry run.
    const written = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM devices WHERE code LIKE 'IMP-%'`,
    );
    expect(written.rows[0]!.n).toBe(0);
  });

  it('admin opens the KPI dashboard: charts are drawn and each shows its formula on hover', async () => {
    const page = await newPage(browser, 'zh-CN');
    await signIn(page, t.url, adminName, TEST_PASSWORD, '/dashboard');
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.kpi.title);
    const cards = page.getByTestId('chart-card');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.locator('.chart-box canvas').count()).toBeGreaterThanOrEqual(6);
    const otif = cards.filter({ hasText: zh.kpi.names.otif });
    const formula = otif.locator('.formula');
    await formula.waitFor();
    const api = await adminApi.get('/api/v1/kpi/otif');
    await formula.hover();
    const tip = otif.getByRole('tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe(api.body.formula.zh);
    await shot(page, 'zh-kpi-dashboard');
  });

  it('the planner runs planning and scheduling and sees the load chart of the work centre', async () => {
    const page = await newPage(browser, 'zh-CN');
    await signIn(page, t.url, 'plan1', undefined, '/planning');
    await expect.poll(() => page.locator('h1').textContent()).toBe(zh.planning.title);
    await page.getByRole('button', { name: zh.planning.run }).click();
    await page.getByRole('button', { name: zh.planning.schedule }).click();
    await expect.poll(() => page.locator('p.muted.small').textContent()).not.toMatch(/—.*—/);
    await expect.poll(() => page.locator('.chart-box canvas').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('chart-card').first().textContent()).toContain('WC-ASM');
    await shot(page, 'zh-planning');
  });
});

describe('the admin screens in English', () => {
  it('admin reads the rules in force, creates a user with a role and adds a contract', async () => {
    const page = await newPage(browser, 'en-US');
    await signIn(page, t.url, adminName, TEST_PASSWORD, '/admin/rules');
    await expect.poll(() => page.locator('h1').textContent()).toBe(en.rules.title);
    await expect.poll(() => page.locator('tr', { hasText: 'credit.limit' }).count()).toBe(1);
    expect(await page.locator('tr', { hasText: 'credit.limit' }).textContent()).toContain(
      'Exposure above the credit limit',
    );
    const complianceFlow = page.locator('tr', {
      has: page.locator('td:first-child', { hasText: new RegExp(`^${en.holdType.compliance}$`) }),
    });
    expect(await complianceFlow.textContent()).toContain('quality review: quality');
    await shot(page, 'en-admin-rules');

    await page.goto(`${t.url}/admin/users`);
    await page.locator('input[name=username]').fill('planner-two');
    await page.locator('input[name=displayName]').fill('Planner Two');
    await page.locator('input[name=password]').fill('a-long-enough-password-2026');
    await page.locator('input[name=role-planner]').check();
    await page.getByRole('button', { name: en.common.save }).click();
    await expect
      .poll(() => page.locator('tr', { hasText: 'planner-two' }).textContent())
      .toContain(en.role.planner);
    const stored = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE username = 'planner-two'`,
    );
    expect(stored.rows[0]!.n).toBe(1);
    await shot(page, 'en-admin-users');

    await page.goto(`${t.url}/admin/pricing`);
    await expect.poll(() => page.locator('tr', { hasText: 'PL-CN-STD' }).count()).toBe(1);
    await page.locator('input[name=contractNo]').fill('HT-2026-UI-009');
    await page.locator('select[name=contractCustomer]').selectOption(ids.party('H-GZ-ZS1'));
    await page.locator('input[name=discountPercent]').fill('5');
    await page.getByRole('button', { name: en.pricing.newContract }).click();
    await expect
      .poll(() => page.locator('tr', { hasText: 'HT-2026-UI-009' }).textContent())
      .toContain('5.00 %');
    await shot(page, 'en-admin-pricing');
  });

  it('the KPI dashboard shows the English formula on hover', async () => {
    const page = await newPage(browser, 'en-US');
    await signIn(page, t.url, 'fin1', undefined, '/dashboard');
    await expect.poll(() => page.locator('h1').textContent()).toBe(en.kpi.title);
    const card = page.getByTestId('chart-card').filter({ hasText: en.kpi.names['orders-by-channel'] });
    await expect.poll(() => card.locator('canvas').count()).toBe(1);
    await expect
      .poll(() => card.getByTestId('kpi-orders-by-channel').textContent())
      .toBe(`3 ${en.kpi.units.orders}`);
    await card.locator('.formula').hover();
    const api = await adminApi.get('/api/v1/kpi/orders-by-channel');
    expect(await card.getByRole('tooltip').textContent()).toBe(api.body.formula.en);
    await shot(page, 'en-kpi-dashboard');
  });
});
