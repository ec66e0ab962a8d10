/** A hold as an approver reads it: the reason in both languages and the rule firings that explain it. */
export interface HoldView {
  id: string;
  type: string;
  reason: { en: string; zh: string };
  rules: unknown[];
}

export const holdView = (h: { id: string; type: string; reason: string; origin: Record<string, unknown> }): HoldView => ({
  id: h.id,
  type: h.type,
  reason: { en: h.reason, zh: typeof h.origin.zh === 'string' ? h.origin.zh : h.reason },
  rules: Array.isArray(h.origin.rules) ? h.origin.rules : [],
});
