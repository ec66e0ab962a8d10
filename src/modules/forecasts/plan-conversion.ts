import { DomainError, invalid } from '../../platform/errors.ts';

/** A forecast as conversion sees it, locked. */
export interface ConvertibleForecast {
  id: string;
  customerId: string | null;
  channel: string | null;
  deviceId: string;
  period: string;
  periodStart: string;
  quantity: number;
  consumed: number;
}

export interface ConversionLine {
  forecastId: string;
  deviceId: string;
  period: string;
  quantity: number;
  /** The period's first day when it is still ahead; an order line asks no date otherwise. */
  requestedDate: string | null;
}

export interface ConversionPlan {
  /** One order per customer, customers in a stable order. */
  orders: Array<{ customerId: string; lines: ConversionLine[] }>;
}

export interface ConversionRequest {
  /** How the forecasts were chosen: by id (each must convert) or by customer and period (open ones convert). */
  mode: 'ids' | 'period';
  /** In the order the request named them (ids mode), for error fields. */
  forecasts: readonly ConvertibleForecast[];
  quantities: Readonly<Record<string, number>>;
  today: string;
}

const stillOpen = (f: ConvertibleForecast) => f.quantity - f.consumed;

/**
 * Which base quantities of which forecasts become order lines: a named quantity (a part), or all
 * that remains. Never more than remains; a channel forecast, having no customer, never converts.
 * Throws naming the field: `forecastIds.<i>`, `quantities.<forecastId>` or `period`.
 */
export function planConversion(req: ConversionRequest): ConversionPlan {
  const selected = new Set(req.forecasts.map((f) => f.id));
  for (const id of Object.keys(req.quantities)) {
    if (!selected.has(id)) throw invalid(`quantities.${id}`, `forecast ${id} is not among the forecasts converted`);
  }
  const byCustomer = new Map<string, ConversionLine[]>();
  req.forecasts.forEach((f, i) => {
    const field = req.mode === 'ids' ? `forecastIds.${i}` : 'period';
    const named = req.quantities[f.id];
    if (f.customerId === null) {
      if (req.mode === 'period') return;
      throw invalid(field, `forecast ${f.id} is demand of channel ${f.channel}, not of a customer; it converts into no order`);
    }
    const remaining = stillOpen(f);
    if (named !== undefined && named > remaining) {
      throw new DomainError('INVALID_STATE', `quantities.${f.id}: only ${remaining} of forecast ${f.period} remain to convert`, {
        field: `quantities.${f.id}`, details: { forecastId: f.id, remaining },
      });
    }
    if (remaining === 0) {
      if (req.mode === 'period') return;
      throw new DomainError('INVALID_STATE', `${field}: forecast ${f.id} (${f.period}) is fully converted`, { field, details: { forecastId: f.id, remaining } });
    }
    const line: ConversionLine = {
      forecastId: f.id, deviceId: f.deviceId, period: f.period, quantity: named ?? remaining,
      requestedDate: f.periodStart > req.today ? f.periodStart : null,
    };
    byCustomer.set(f.customerId, [...(byCustomer.get(f.customerId) ?? []), line]);
  });
  if (byCustomer.size === 0) throw new DomainError('INVALID_STATE', 'period: nothing of these forecasts remains to convert', { field: 'period' });
  return { orders: [...byCustomer].sort(([a], [b]) => a.localeCompare(b)).map(([customerId, lines]) => ({ customerId, lines })) };
}
