import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { BarcodeInput, LotSheetInput } from './label-schemas.ts';
import { renderLotLabelSheet } from './render-lot-label-sheet.ts';
import { renderUdiLabel } from './render-udi-label.ts';

const tags = ['labels'];
const config = { permission: 'udi.parse' };
const binary = (description: string, ...contentTypes: string[]) => ({
  200: {
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  },
});

/** A lot number may hold any GS1 character; the file name keeps only the safe ones. */
const fileName = (lot: string): string => `udi-labels-${lot.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;

export function registerLabelRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/v1/labels/barcode', {
    config,
    schema: { tags, body: BarcodeInput, response: binary('the barcode image', 'image/png', 'image/svg+xml') },
  }, async (req, reply) => {
    const image = await renderUdiLabel(req.body);
    return reply.type(image.contentType).send(image.body);
  });

  app.post('/api/v1/labels/lot-sheet', {
    config,
    schema: { tags, body: LotSheetInput, response: binary('A4 sheets of UDI labels', 'application/pdf') },
  }, async (req, reply) => {
    const pdf = await renderLotLabelSheet(db, req.body);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName(req.body.lot)}"`).send(pdf);
  });
}
