import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain.ts';
import { auditHistory } from './entity-history.ts';

export function registerAuditRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/audit', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      querystring: Type.Object({
        entity: Type.Optional(Type.String({ maxLength: 64 })),
        id: Type.Optional(Type.String({ maxLength: 128 })),
        afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
      }),
    },
  }, async (req) => ({ items: await auditHistory(db, { ...req.query, limit: req.query.limit ?? 100 }) }));

  app.get('/api/v1/audit/verify', { config: { permission: 'audit.read' }, schema: { tags: ['audit'] } }, async () =>
    verifyAuditChain(db),
  );
}
