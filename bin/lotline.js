#!/usr/bin/env node
// The `lotline` command. Sources are TypeScript run through tsx's loader, so there is no build
// step that could leave a stale copy behind.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
