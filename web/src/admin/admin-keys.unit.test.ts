/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import en from '../i18n/admin.en.json';

type Tree = { [k: string]: string | Tree };
const sources = import.meta.glob(['../admin/*.tsx', '../dashboard/*.tsx', '../planning/*.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const lookup = (key: string): unknown =>
  key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Tree)[p] : undefined), en);

describe('the admin screens’ messages', () => {
  it('given every fixed t("…") key in the screens, then the admin catalogue has it', () => {
    const used = Object.values(sources).flatMap((src) =>
      [...src.matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((k) => typeof lookup(k) !== 'string')).toEqual([]);
  });
});
