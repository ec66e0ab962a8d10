import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM } from './browser.ts';

/** The browser tests drive the built console: build it when stale, and say plainly when Chromium is missing. */
export default function setup(): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  execFileSync(process.execPath, ['web/build-if-stale.js'], { stdio: 'inherit' });
  fs.mkdirSync('test-output/screenshots', { recursive: true });
}
