import { describe, expect, it } from 'vitest';
import { decodeEdiBytes } from './decode-edi-bytes.ts';

describe('decodeEdiBytes', () => {
  it('given UTF-8 bytes, then the text as written', () => {
    expect(decodeEdiBytes(Buffer.from("NAD+BY+4012345000009::9++HÔPITAL SAINT-LOUIS'", 'utf8'))).toBe("NAD+BY+4012345000009::9++HÔPITAL SAINT-LOUIS'");
    expect(decodeEdiBytes(Buffer.from('北京协和医院', 'utf8'))).toBe('北京协和医院');
  });

  it('given Latin-1 bytes that are no UTF-8, then they are read as ISO 8859-1', () => {
    expect(decodeEdiBytes(Buffer.from('HÔPITAL', 'latin1'))).toBe('HÔPITAL');
  });
});
