import { Type } from 'typebox';
import { Answer, DateString, Nullable, Timestamp } from '../../platform/http/schemas.ts';

/** The answers of the planning routes read by the web console (list-planning-output.ts, get-load.ts). */

export const PlanAnswer = Answer(Type.Object({
  run: Nullable(Type.Object({ id: Type.String(), summary: Type.Record(Type.String(), Type.Unknown()), finishedAt: Timestamp() }, { description: 'the latest completed run; null before the first' })),
  plannedOrders: Type.Array(Type.Object({
    id: Type.String(),
    kind: Type.Union([Type.Literal('make'), Type.Literal('buy')]),
    deviceId: Type.String(),
    deviceCode: Type.String(),
    quantity: Type.Integer(),
    startDate: DateString(),
    dueDate: DateString(),
    status: Type.String(),
    priority: Type.Integer(),
    pegging: Type.Unknown({ description: 'the demands the planned order serves' }),
  })),
  exceptions: Type.Array(Type.Object({
    kind: Type.String(),
    deviceId: Nullable(Type.String()),
    deviceCode: Nullable(Type.String()),
    refType: Nullable(Type.String()),
    refId: Nullable(Type.String()),
    messageEn: Type.String(),
    messageZh: Type.String(),
    details: Type.Unknown(),
  })),
}));

export const LoadAnswer = Answer(Type.Object({
  scheduleRunId: Nullable(Type.String()),
  scheduledAt: Nullable(Timestamp()),
  items: Type.Array(Type.Object({
    workCentreId: Type.String(),
    workCentreCode: Type.String(),
    date: DateString(),
    capacityMinutes: Type.Integer(),
    loadMinutes: Type.Integer(),
    utilisationPct: Type.Integer({ description: 'load ÷ capacity in whole percent (0 when the day has no capacity)' }),
  })),
}));
