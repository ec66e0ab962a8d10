import type { TriggerFilter } from './trigger-types.ts';

const scalar = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);

/** True when every filtered payload field has one of the listed values (an empty filter passes everything). */
export function matchesFilter(filter: TriggerFilter, payload: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([field, values]) => {
    const v = scalar(payload[field]);
    return v !== null && values.includes(v);
  });
}

/** Topics a trigger may not listen to: its own action events, and timers. */
export const isInternalTopic = (topic: string): boolean => topic.startsWith('trigger.') || topic === 'approval.escalation_due';

/** `{{number}}` → payload.number; `{{topic}}`, `{{entityId}}` from the event; an unknown name becomes empty. */
export function renderTemplate(template: string, event: { topic: string; entityId: string | null; payload: Record<string, unknown> }): string {
  const values: Record<string, unknown> = { ...event.payload, topic: event.topic, entityId: event.entityId };
  return template.replace(/\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => scalar(values[name]) ?? '');
}
