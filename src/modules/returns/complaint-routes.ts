import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { addComplaint } from './add-complaint.ts';
import { changeComplaintStatus, setComplaintThreshold } from './change-complaint.ts';
import { getComplaint } from './get-complaint.ts';
import { listComplaints, lotComplaintSummary } from './list-complaints.ts';
import { ComplaintInput, ComplaintQuery, ComplaintSettingsInput, ComplaintStatusInput } from './return-schemas.ts';

const tags = ['complaints'];
const read = { permission: 'complaints.read' };
const write = { permission: 'complaints.write' };

export function registerComplaintRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/v1/complaints', { config: write, schema: { tags, body: ComplaintInput } }, async (req, reply) =>
    reply.status(201).send(await writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => addComplaint(w, req.body, localToday()))));

  app.get('/api/v1/complaints', { config: read, schema: { tags, querystring: ComplaintQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listComplaints(tx, actorOf(req), { ...filters, limit, offset }))), limit, offset };
  });

  // The threshold is quality's setting: it decides when a lot needs a review.
  app.put('/api/v1/complaints/settings', { config: { permission: 'quality.release' }, schema: { tags, body: ComplaintSettingsInput } },
    async (req) => writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => setComplaintThreshold(w, req.body.lotThreshold)));

  app.get('/api/v1/complaints/:id', { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getComplaint(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/complaints/:id/status', { config: write, schema: { tags, params: IdParams, body: ComplaintStatusInput } },
    async (req) => writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => changeComplaintStatus(w, req.params.id, req.body)));

  app.get('/api/v1/lots/:id/complaints', { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => lotComplaintSummary(tx, actorOf(req), req.params.id)));
}
