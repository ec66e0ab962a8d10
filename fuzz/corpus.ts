import fs from 'node:fs';
import path from 'node:path';

/** Valid inputs the mutations start from: the repository's own sample files. */
const fixtures = path.resolve(import.meta.dirname, '../test/fixtures');

const read = (dir: string, ext: string): string[] =>
  fs.readdirSync(path.join(fixtures, dir)).filter((f) => f.endsWith(ext) && !f.includes('broken'))
    .map((f) => fs.readFileSync(path.join(fixtures, dir, f), 'utf8'));

export const ediSamples = (): string[] => read('edi', '.edi');
export const csvSamples = (): string[] => read('imports', '.csv');

export const UDI_SAMPLES: readonly string[] = [
  '(01)06901234567892(17)271231(10)LOT-A1(21)SN0001',
  '0106901234567892172712311012345\u001d21ABC',
  ']d20106901234567892\u001d10LOT',
  '+A99912345/$$52001510X3',
  '+H123PROD1/$$3271231LOT9/S12345C',
  '(00)106141411234567897',
];
