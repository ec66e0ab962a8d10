import { Transform, pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DomainError } from '../../platform/errors.ts';
import type { FileRecord } from './read-records.ts';

/**
 * Passes the bytes through unchanged, refusing the first that is not UTF-8: a GBK file would
 * otherwise import as mojibake without a word.
 */
function utf8Only(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const refuse = () =>
    new DomainError('IMPORT_FORMAT', 'the file is not UTF-8 text; save it as "CSV UTF-8" or XLSX (GBK/GB18030 CSV is not supported)', { field: 'file' });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk, { stream: true });
        done(null, chunk);
      } catch {
        done(refuse());
      }
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(refuse());
      }
    },
  });
}

/** The records of a CSV file (UTF-8, with or without BOM), read as a stream; cells stay text. */
export async function* readCsvRecords(source: Readable): AsyncGenerator<FileRecord> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
  pipeline(source, utf8Only(), parser, () => {
    // Errors surface through the parser's iterator below.
  });
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: info.lines, cells: record };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('IMPORT_FORMAT', `the file is not readable as CSV: ${(e as Error).message}`, { field: 'file' });
  } finally {
    // A caller that stops early (a refused heading) must not leave the file open.
    source.destroy();
  }
}
