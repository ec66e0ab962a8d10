#!/usr/bin/env node
// `npm run bench`: the benchmark suite, TypeScript run through tsx (see bench/run.ts).
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
