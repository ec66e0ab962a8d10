import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The fonts every Lotline PDF uses: Noto Sans SC covers Chinese, Latin, digits and the symbols of
 * a label (°, –, ≤), so one family serves both languages. pdfkit embeds only the glyphs a document
 * uses, which keeps a PDF small although each font file is about 10 MB.
 */
export const FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  [FONT.regular]: '400Regular/NotoSansSC_400Regular.ttf',
  [FONT.bold]: '700Bold/NotoSansSC_700Bold.ttf',
};

let cache: Map<FontName, Buffer> | undefined;

/** The font files, read once per process: reading 20 MB for every document would dominate its cost. */
export function cjkFontData(): ReadonlyMap<FontName, Buffer> {
  if (!cache) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    cache = new Map(Object.entries(FILES).map(([name, file]) => [name as FontName, readFileSync(path.join(dir, file))]));
  }
  return cache;
}
