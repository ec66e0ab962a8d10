import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { invalid, isDomainError } from '../../platform/errors.ts';
import { parseScan } from './parse-scan.ts';

const Scans = Type.Object({
  scan: Type.Optional(Type.String({ maxLength: 1000, description: 'one scan: GS1 element string (GS as ASCII 29 or <GS>, HRI form accepted) or HIBCC', 'x-zh': '扫码内容' })),
  scans: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 10_000, description: 'several scans at once; each answers on its own', 'x-zh': '批量扫码' })),
}, { additionalProperties: false });

/**
 * `POST /api/v1/udi/parse`: the same contract as `lotline udi parse` (DESIGN.md §6). One scan
 * answers its fields or a 400 naming the error; a list answers one result or error per scan.
 */
export function registerUdiRoutes(app: App, _deps: AppDeps): void {
  app.post('/api/v1/udi/parse', { config: { permission: 'udi.parse' }, schema: { tags: ['udi'], body: Scans } }, async (req) => {
    if (req.body.scans) {
      return {
        items: req.body.scans.map((s) => {
          try {
            return parseScan(s);
          } catch (e) {
            if (isDomainError(e)) return e.toBody();
            throw e;
          }
        }),
      };
    }
    if (req.body.scan === undefined) throw invalid('scan', 'give scan or scans');
    return parseScan(req.body.scan);
  });
}
