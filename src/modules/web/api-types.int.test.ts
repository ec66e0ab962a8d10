import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_FILES, currentOpenApiDocument, renderApiTypes, renderOpenApi } from './api-types.ts';

describe('the web console’s generated API types', () => {
  it('match the current OpenAPI document (run `npm run gen:api` when this fails)', async () => {
    const doc = await currentOpenApiDocument();
    expect(fs.readFileSync(API_FILES.openapi, 'utf8')).toBe(renderOpenApi(doc));
    expect(fs.readFileSync(API_FILES.types, 'utf8')).toBe(await renderApiTypes(doc));
  });
});
