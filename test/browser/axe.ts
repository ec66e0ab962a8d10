import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

// Evaluated rather than added as a <script>: the console's CSP (script-src 'self') refuses inline scripts.
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 and 2.1, levels A and AA: names, labels, structure, keyboard, language, colour contrast. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** Opens a screen and waits until it has drawn its heading and finished loading. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await settle(page);
}

export async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Runs axe-core on the page as it is and returns one line per serious or critical violation:
 * screen, rule id, the element's selector and what is wrong.
 */
export async function audit(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE);
  // Page-side code as text: the test project's types know no DOM.
  const result = await page.evaluate<AxeResults>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })`,
  );
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${screen}: ${v.id} [${v.impact}] ${n.target.join(' ')} — ${v.help}`));
}

/** What has the focus: `input[name=scan]` for a named field, else tag and accessible label or text. */
export const focused = (page: Page): Promise<string> =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const tag = el.tagName.toLowerCase();
    const name = el.getAttribute('name');
    return name ? tag + '[name=' + name + ']' : tag + ' ' + (el.getAttribute('aria-label') ?? el.textContent.trim());
  })()`);

/** Whether the focused element draws an outline (the :focus-visible style) of at least 2 px. */
export const focusRingShown = (page: Page): Promise<boolean> =>
  page.evaluate<boolean>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !el.matches(':focus-visible')) return false;
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  })()`);

/** Presses Tab `times` times and lists what had the focus after each press. */
export async function tabThrough(page: Page, times: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  return seen;
}
