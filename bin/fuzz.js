#!/usr/bin/env node
// `npm run fuzz`: the fuzz harness, TypeScript run through tsx (see fuzz/main.ts).
import { register } from 'tsx/esm/api';

register();
await import('../fuzz/main.ts');
