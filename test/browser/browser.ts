import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { seedDemo, DEMO_PASSWORD } from '../../src/seed/seed-demo.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-output/screenshots');
export { DEMO_PASSWORD };

/** Debian's Chromium, headless; nothing is downloaded. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

/** The real server on a random port over a fresh embedded database with the demo data set. */
export async function startDemoApp(): Promise<TestApp> {
  const t = await startTestApp();
  await seedDemo({ db: t.db, crypto: t.crypto });
  return t;
}

let lastPage: Page | null = null;

/** For an afterEach: a screenshot of the last page opened when the test failed, to see why. */
export async function shotOnFailure(ctx: {
  task: { name: string; result?: { state?: string } };
}): Promise<void> {
  if (ctx.task.result?.state === 'fail' && lastPage && !lastPage.isClosed()) {
    await shot(lastPage, `FAILED-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
  }
}

/** A page at 1366×768 whose browser says it prefers `locale` (zh-CN or en-US). */
export async function newPage(browser: Browser, locale: 'zh-CN' | 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => process.stderr.write(`browser error: ${e.message}\n`));
  lastPage = page;
  return page;
}

export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
  next = '/',
): Promise<void> {
  await page.goto(`${baseUrl}${next}`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('header nav').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.locator('header button.link').click();
  await page.locator('input[name=username]').waitFor();
}

export async function shot(page: Page, name: string): Promise<Buffer> {
  await page.evaluate('document.fonts.ready'); // the CJK font loads on first use
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Ids of the demo data by code, for setting the scene through the API. */
export async function demoIds(
  t: TestApp,
): Promise<{ party: (code: string) => string; device: (code: string) => string; bin: string }> {
  const parties = await t.db.query<{ id: string; code: string }>('SELECT id, code FROM parties');
  const devices = await t.db.query<{ id: string; code: string }>('SELECT id, code FROM devices');
  const bin = await t.db.query<{ id: string }>(
    `SELECT b.id FROM warehouse_bins b JOIN warehouses w ON w.id = b.warehouse_id WHERE w.code = 'WH-GZ' ORDER BY b.code LIMIT 1`,
  );
  const find = (rows: { id: string; code: string }[], what: string) => (code: string) => {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new Error(`no demo ${what} ${code}`);
    return row.id;
  };
  return { party: find(parties.rows, 'party'), device: find(devices.rows, 'device'), bin: bin.rows[0]!.id };
}
