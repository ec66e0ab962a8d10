import { Type } from 'typebox';
import { doc } from '../../platform/schema-doc.ts';
import { PageQuery } from '../../platform/http/schemas.ts';
import { IMPORT_KINDS, IMPORT_MODES } from './import-types.ts';

const literals = <T extends string>(values: readonly T[]) => values.map((v) => Type.Literal(v));

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_CONTENT_TYPES = ['text/csv', XLSX_CONTENT_TYPE, 'application/octet-stream'];
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export const ImportKindParams = Type.Object({
  kind: Type.String({ pattern: '^[a-z-]{1,40}$', ...doc(`what the file holds: ${IMPORT_KINDS.join(', ')}`, '导入类型') }),
});

export const ImportQuery = Type.Object({
  mode: Type.Optional(Type.Union(literals(IMPORT_MODES), {
    default: 'all-or-nothing', ...doc('all-or-nothing: nothing is imported if a row fails; valid-rows: the valid rows are imported', '导入模式'),
  })),
  dryRun: Type.Optional(Type.Boolean({ default: false, ...doc('check every row and count what would change, write nothing', '仅校验（试运行）') })),
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, ...doc('the file name, kept on the import batch', '文件名') })),
});

export const BatchListQuery = Type.Object({
  kind: Type.Optional(Type.Union(literals(IMPORT_KINDS), doc('only batches of this kind', '导入类型'))),
  status: Type.Optional(Type.Union(literals(['running', 'succeeded', 'partial', 'failed', 'dry_run'] as const), doc('only batches in this status', '状态'))),
  ...PageQuery,
});
