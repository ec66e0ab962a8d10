import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { importPaymentsFile } from './import-payments.ts';

/** POST /api/v1/payments/import: the body is the bank statement CSV itself (text/csv). */
export function registerPaymentImportRoute(app: App, { db }: AppDeps): void {
  void app.register(async (csv: App) => {
    csv.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    csv.post('/api/v1/payments/import', {
      config: { permission: 'finance.write' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['finance'], consumes: ['text/csv'],
        body: Type.String({ description: 'bank statement CSV: date, amount, reference columns (currency, remittance, account, customer optional; Chinese headers accepted)' }),
      },
    }, async (req) => importPaymentsFile(db, actorOf(req), req.body, req.id));
  });
}
