const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * The text of an interchange as received. UTF-8 when the bytes are UTF-8 (X12, UNOC/UNOW written
 * by modern translators); otherwise ISO 8859-1, which UNOC declares and which cannot fail, so a
 * name like "Hôpital" written in Latin-1 is kept rather than turned into replacement characters.
 */
export function decodeEdiBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}
