import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';
import { localToday } from '../orders/business-day.ts';
import { formatMinor } from '../pricing/money.ts';
import { agingReport, type AgingReport } from './aging-report.ts';
import { PaymentInput } from './finance-schemas.ts';
import { getInvoice } from './get-invoice.ts';
import { importPaymentsFile, type PaymentImport } from './import-payments.ts';
import { invoiceShipment } from './invoice-shipment.ts';
import type { InvoiceView } from './invoice-view.ts';
import { recordPayment } from './record-payment.ts';
import type { PaymentView } from './payment-view.ts';
import { runDailyReconcile } from './run-daily-reconcile.ts';

const actor = systemActor('cli');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const asOf = (today: string | undefined): string => {
  if (today !== undefined && !DATE.test(today)) throw invalid('today', 'must be a date YYYY-MM-DD');
  return today ?? localToday();
};

const describeInvoice = (i: InvoiceView): string => [
  `${i.number} (${i.kind}) ${i.customer.code} ${i.customer.nameZh}: ${formatMinor(i.totalMinor, i.currency)} ${i.currency}, due ${i.dueDate}, open ${formatMinor(i.openMinor, i.currency)}`,
  ...i.lines.map((l) => `  ${l.lineNo}. ${l.deviceCode} lot ${l.lotNumber ?? '—'} × ${l.quantity} @ ${formatMinor(l.unitPriceMinor, i.currency)} VAT ${l.vatRateBp / 100}%`),
].join('\n');

const describePayment = (p: PaymentView): string =>
  `${p.number} ${p.customer?.code ?? '(unknown payer)'}: ${formatMinor(p.amountMinor, p.currency)} ${p.currency} matched by ${p.matchedBy}` +
  `${p.allocations.map((a) => `\n  → ${a.invoiceNumber} ${formatMinor(a.amountMinor, p.currency)}`).join('')}\n  unapplied ${formatMinor(p.unappliedMinor, p.currency)}`;

const describeImport = (r: PaymentImport): string => [
  `${r.imported.length} payment(s) imported, ${r.skipped.length} already imported, ${r.errors.length} row(s) in error`,
  ...r.imported.map((p) => `  row ${p.row}: ${p.number} ${p.matchedBy} unapplied ${p.unappliedMinor}`),
  ...r.errors.map((e) => `  row ${e.row} ${e.field}: ${e.message}`),
].join('\n');

const describeAging = (r: AgingReport): string => [
  `aging as of ${r.today}: open ${r.total.openMinor}, overdue ${r.total.overdueMinor}`,
  ...r.customers.map((c) => `  ${c.code}: ${Object.entries(c.buckets).map(([b, v]) => `${b} ${v}`).join(', ')}`),
].join('\n');

interface PaymentOptions { customer: string; amount: string; currency: string; date: string; reference: string; remittance?: string; allocate?: string[]; auto: boolean; json?: boolean }

function paymentFrom(o: PaymentOptions): PaymentInput {
  const allocations = (o.allocate ?? []).map((a, k) => {
    const m = /^([0-9a-f-]{36}):(\d+)$/i.exec(a);
    if (!m) throw invalid(`allocations.${k}`, 'use <invoiceId>:<amountMinor>');
    return { invoiceId: m[1]!, amountMinor: Number(m[2]) };
  });
  const body = {
    customerId: o.customer, amountMinor: /^\d+$/.test(o.amount) ? Number(o.amount) : o.amount, currency: o.currency, receivedOn: o.date,
    reference: o.reference, ...(o.remittance ? { remittance: o.remittance } : {}), ...(allocations.length ? { allocations } : {}), ...(o.auto ? {} : { autoAllocate: false }),
  };
  const [error] = validateRow(PaymentInput, body);
  if (error) throw invalid(error.field, error.message);
  return body as PaymentInput;
}

/** `lotline invoice …`, `lotline payment record`, `lotline finance import-payments | reconcile | aging`. */
export function registerFinanceCommands(program: Command): void {
  const invoice = program.command('invoice').description('invoices: create from a shipment, show');
  invoice.command('create <shipmentId>').description('invoice a shipment (once)').option('--json', 'machine-readable output')
    .action((shipmentId: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) =>
      writeTx(rt.db, { actor }, (w) => invoiceShipment(w, shipmentId, { trigger: 'manual', today: localToday() })), { quiet: o.json }), describeInvoice));
  invoice.command('show <number>').description('an invoice or credit note by number (or id)').option('--json', 'machine-readable output')
    .action((number: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) =>
      readTx(rt.db, (tx) => getInvoice(tx, actor, number)), { quiet: o.json }), describeInvoice));

  program.command('payment').description('payments received').command('record')
    .description('record a payment and apply it (explicit allocations, else oldest invoices first)')
    .requiredOption('--customer <customerId>', 'who paid').requiredOption('--amount <minor>', 'amount in minor units (fen)')
    .option('--currency <code>', 'ISO currency', 'CNY').requiredOption('--date <date>', 'value date YYYY-MM-DD')
    .requiredOption('--reference <ref>', 'bank reference').option('--remittance <text>', 'remittance text')
    .option('--allocate <invoiceId:amount...>', 'explicit allocations').option('--no-auto', 'keep it unapplied').option('--json', 'machine-readable output')
    .action((o: PaymentOptions) => runCommand(o, async () => {
      const input = paymentFrom(o);
      return withRuntime((rt) => writeTx(rt.db, { actor }, (w) => recordPayment(w, input, 'cli')), { quiet: o.json });
    }, describePayment));

  const finance = program.command('finance').description('finance: bank statements, reconciliation, aging');
  finance.command('import-payments <file>').description('import a bank statement CSV (date, amount, reference, remittance …)').option('--json', 'machine-readable output')
    .action((file: string, o: { json?: boolean }) => runCommand(o, async () => {
      const text = await fs.readFile(file, 'utf8').catch((e: Error) => { throw new DomainError('IMPORT_FORMAT', `cannot read ${file}: ${e.message}`, { field: 'file' }); });
      return withRuntime((rt) => importPaymentsFile(rt.db, actor, text), { quiet: o.json });
    }, describeImport));
  finance.command('reconcile').description('the daily reconciliation: list exceptions and notify finance users')
    .option('--today <date>', 'as of this date').option('--json', 'machine-readable output')
    .action((o: { today?: string; json?: boolean }) => runCommand(o, async () => {
      const today = asOf(o.today);
      return withRuntime((rt) => runDailyReconcile(rt.db, today), { quiet: o.json });
    }, (r) => [`${r.today}: ${r.count} exception(s), ${r.notified} finance user(s) notified`, ...r.exceptions.map((e) => `  ${e.type}: ${e.message.en}`)].join('\n')));
  finance.command('aging').description('receivables aged per customer').option('--today <date>', 'as of this date').option('--json', 'machine-readable output')
    .action((o: { today?: string; json?: boolean }) => runCommand(o, async () => {
      const today = asOf(o.today);
      return withRuntime((rt) => readTx(rt.db, (tx) => agingReport(tx, actor, today)), { quiet: o.json });
    }, describeAging));
}
