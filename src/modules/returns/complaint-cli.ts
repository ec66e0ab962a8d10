import type { Command } from 'commander';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { localToday } from '../orders/business-day.ts';
import { addComplaint } from './add-complaint.ts';
import { changeComplaintStatus } from './change-complaint.ts';
import { checked, cliActor, cliWrite } from './cli-helpers.ts';
import type { ComplaintView } from './get-complaint.ts';
import { listComplaints } from './list-complaints.ts';
import { ComplaintInput, ComplaintQuery, ComplaintStatusInput } from './return-schemas.ts';

const line = (c: ComplaintView) => `${c.number} (${c.status}) ${c.customerCode} ${c.deviceCode}${c.lotNumber ? ` lot ${c.lotNumber}` : ''}${c.serial ? ` serial ${c.serial}` : ''}: ${c.description}`;

interface AddOptions { customer: string; scan?: string; device?: string; lot?: string; serial?: string; rma?: string; eventDate?: string; description: string; json?: boolean }

/** `lotline complaint add|list|status`. */
export function registerComplaintCommands(program: Command): void {
  const cmd = program.command('complaint').description('complaints about devices (21 CFR 820.198)');
  cmd.command('add').description('record a complaint: the UDI scan (--scan) or --device [--lot] [--serial]')
    .requiredOption('--customer <partyId>', 'the complaining customer').requiredOption('--description <text>', 'what happened')
    .option('--scan <scan>', 'UDI label as scanned (GS as <GS>)').option('--device <deviceId>', 'device').option('--lot <lot>', 'lot number')
    .option('--serial <serial>', 'serial').option('--rma <rmaId>', 'the RMA it came back under').option('--event-date <date>', 'when it happened (YYYY-MM-DD)')
    .option('--json', 'machine-readable output')
    .action((o: AddOptions) => runCommand(o, async () => {
      const input = checked<ComplaintInput>(ComplaintInput, {
        customerId: o.customer, description: o.description, ...(o.scan ? { scan: o.scan } : {}), ...(o.device ? { deviceId: o.device } : {}),
        ...(o.lot ? { lotNumber: o.lot } : {}), ...(o.serial ? { serial: o.serial } : {}), ...(o.rma ? { rmaId: o.rma } : {}), ...(o.eventDate ? { eventDate: o.eventDate } : {}),
      });
      return cliWrite(o.json, (w) => addComplaint(w, input, localToday()));
    }, (c) => `${line(c)}${c.lotFlag?.newlyFlagged ? `\nlot flagged: ${c.lotFlag.count} complaints (threshold ${c.lotFlag.threshold})` : ''}`));

  cmd.command('list').description('complaints by lot and customer').option('--lot <lotId>', 'only this lot').option('--customer <partyId>', 'only this customer')
    .option('--json', 'machine-readable output')
    .action((o: { lot?: string; customer?: string; json?: boolean }) => runCommand(o, async () => {
      const q = checked<ComplaintQuery>(ComplaintQuery, { ...(o.lot ? { lotId: o.lot } : {}), ...(o.customer ? { customerId: o.customer } : {}) });
      return withRuntime((rt) => readTx(rt.db, (tx) => listComplaints(tx, cliActor, { ...q, limit: 500, offset: 0 })), { quiet: o.json });
    }, (r) => r.items.map(line).join('\n') || 'no complaints'));

  cmd.command('status <complaintId>').description('move a complaint to investigating or closed')
    .requiredOption('--to <status>', 'investigating or closed').option('--resolution <text>', 'findings (required to close)').option('--json', 'machine-readable output')
    .action((id: string, o: { to: string; resolution?: string; json?: boolean }) => runCommand(o, async () => {
      const input = checked<ComplaintStatusInput>(ComplaintStatusInput, { status: o.to, ...(o.resolution ? { resolution: o.resolution } : {}) });
      return cliWrite(o.json, (w) => changeComplaintStatus(w, id, input));
    }, line));
}
