// `npm start` runs this first (prestart): it builds the web console when web/dist is missing or
// older than any of its sources, so a fresh `npm ci && npm start` shows the console.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const built = path.join(web, 'dist', 'index.html');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((n) => newest(path.join(p, n))));
}

const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => path.join(web, p));
const builtAt = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (Math.max(...sources.map(newest)) > builtAt) {
  process.stderr.write('building the web console (web/dist) …\n');
  execFileSync(
    process.execPath,
    [
      path.join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(web, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
}
