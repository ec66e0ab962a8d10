import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loginCookie } from '../helpers/test-app.ts';
import { runCli, startCli, stopChild } from '../helpers/run-cli.ts';

/**
 * kill -9 of the embedded server while clients write: on restart the data opens, migrations are
 * a no-op, every write the server acknowledged is there, nothing is half-written (`lotline check`
 * passes: audit chain, ledger, …).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-kill-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const PASSWORD = 'Lotline-kill-test-2026';
const env = { DATABASE_URL: '', LOTLINE_DATA_DIR: dir, PORT: '0', LOTLINE_ADMIN_PASSWORD: PASSWORD };
const READY = /running at (http:\/\/\S+)\//;

// An embedded-database test: it runs in the PGlite pass only.
describe.skipIf(process.env.DATABASE_URL)('the embedded server killed during writes', { timeout: 600_000 }, () => {
  it('restarts with every acknowledged write and its invariants intact', async () => {
    const first = await startCli(['serve'], env, READY, 120_000);
    const url = first.match[1]!;
    const cookie = await loginCookie(url, 'admin', PASSWORD);
    const acknowledged: string[] = [];
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const code = `KILL-${c}-${i}`;
        try {
          const res = await fetch(`${url}/api/v1/parties`, {
            method: 'POST', headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ code, kind: 'supplier', nameZh: `供应商${c}-${i}` }),
          });
          if (res.status === 201) acknowledged.push(code);
        } catch {
          return; // the server is gone
        }
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    await stopChild(first.child);
    stop = true;
    await Promise.all(clients);

    const second = await startCli(['serve'], env, READY, 120_000);
    try {
      const url2 = second.match[1]!;
      const cookie2 = await loginCookie(url2, 'admin', PASSWORD);
      const res = await fetch(`${url2}/api/v1/parties?kind=supplier&q=KILL-&limit=500`, { headers: { cookie: cookie2 } });
      const body = (await res.json()) as { items: Array<{ code: string }> };
      const stored = new Set(body.items.map((p) => p.code));
      expect(acknowledged.filter((c) => !stored.has(c))).toEqual([]);
    } finally {
      await stopChild(second.child);
    }
    const check = await runCli(['check', '--json'], env);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(JSON.parse(check.stdout.trim().split('\n').at(-1)!).ok).toBe(true);
  });
});
