import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { systemActor } from '../src/platform/actor.ts';
import { writeTx } from '../src/platform/unit-of-work.ts';
import { sampleDevice } from '../src/modules/catalog/devices.fixture.ts';
import { upsertDevices } from '../src/modules/catalog/upsert-devices.ts';
import { addDays } from '../src/modules/planning/lot-sizing.ts';
import { createWorkCentre } from '../src/modules/planning/create-work-centre.ts';
import { createRouting } from '../src/modules/planning/create-routing.ts';
import { createWorkOrders } from '../src/modules/planning/create-work-orders.ts';
import { runSchedule } from '../src/modules/planning/run-schedule.ts';
import { benchDatabase } from './bench-database.ts';
import { round, type Figure, type Scenario } from './figure.ts';

const actor = systemActor('bench');
const START = '2026-12-01';

export interface ScheduleBenchResult {
  seconds: number;
  workOrders: number;
  operations: number;
  workCentres: number;
  late: number;
  loadRows: number;
}

/**
 * Finite-capacity scheduling of `workOrders` work orders of 5 operations each on `centres` work
 * centres (two 8-hour shifts on weekdays, a holiday in week two), due over `days` days. The data
 * is made set-based; the schedule use case is timed whole: load, schedule, write every work order,
 * operation and day of load, and re-promise (no customer orders here) in one transaction.
 */
export async function run(o: { workOrders: number; centres: number; days: number }): Promise<ScheduleBenchResult> {
  const bench = await benchDatabase('schedule');
  const db = bench.db;
  try {
    const centres: string[] = [];
    for (let c = 0; c < o.centres; c++) {
      centres.push((await createWorkCentre(db, actor, { code: `WC-${c}`, nameZh: `工作中心${c}`, shifts: 2, calendar: [{ date: addDays(START, 9), holiday: true }] })).id);
    }
    const deviceCount = 50;
    const made = await writeTx(db, { actor }, (w) => upsertDevices(w, Array.from({ length: deviceCount }, (_, i) =>
      sampleDevice(800_000 + i, { code: `MAKE-${i}`, registrationExpiresOn: '2035-12-31', makeOrBuy: 'make' })), { source: 'bench' }));
    const devices = made.devices.map((d) => d.id);
    for (const [i, deviceId] of devices.entries()) {
      await createRouting(db, actor, { deviceId, operations: Array.from({ length: 5 }, (_, k) => ({
        seq: (k + 1) * 10, workCentreId: centres[(i * 3 + k * 7) % o.centres]!, setupMinutes: 20 + ((i + k) % 4) * 10, runMinutesPerUnit: 1 + ((i * k) % 3) * 0.5,
      })) });
    }
    await writeTx(db, { actor }, async (w) => {
      const created = await createWorkOrders(w.tx, Array.from({ length: o.workOrders }, (_, i) => ({
        deviceId: devices[i % deviceCount]!, quantity: 10 + ((i * 37) % 41), dueDate: addDays(START, 5 + ((i * 13) % (o.days - 5))), priority: 1 + (i % 5),
      })), actor.name, START.slice(0, 4));
      w.audit({ entityType: 'bench', entityId: 'schedule', action: 'work_orders_created', changes: { count: { new: created.length } } });
    });

    const t0 = performance.now();
    const r = await runSchedule(db, actor, { startDate: START, horizonDays: 365, earliestShipDate: START });
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, workOrders: r.workOrders.length, operations: r.workOrders.length * 5, workCentres: o.centres, late: r.lateWorkOrders.length, loadRows: r.load.length };
  } finally {
    await bench.drop();
  }
}

export const figureOf = (r: ScheduleBenchResult): Figure => ({
  bench: 'schedule', metric: 'seconds', value: round(r.seconds, 3), unit: 's',
  note: `${r.workOrders} work orders × 5 operations on ${r.workCentres} work centres over 90 days (target: seconds); ${r.late} late, ${r.loadRows} centre-days of load`,
});

export const scheduleScenario: Scenario = {
  name: 'schedule',
  describe: 'finite-capacity scheduling of 2,000 work orders × 5 operations on 20 work centres over 90 days (target: seconds)',
  async run() {
    return [figureOf(await run({ workOrders: 2_000, centres: 20, days: 90 }))];
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run({ workOrders: 2_000, centres: 20, days: 90 });
  process.stdout.write(`${JSON.stringify({ ...figureOf(r), workOrders: r.workOrders, late: r.late })}\n`);
}
