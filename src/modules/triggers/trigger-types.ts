/** A trigger: on an outbox topic whose payload passes the filter, run each action (one outbox event each). */
export interface Recipients {
  roles?: string[];
  users?: string[];
}

export type TriggerAction =
  | { type: 'webhook'; url: string; secret: string }
  | ({ type: 'notify'; message: { en: string; zh: string } } & Recipients)
  | ({ type: 'in_app'; message?: { en: string; zh: string } } & Recipients)
  | { type: 'generate_documents' }
  | { type: 'create_pick_list' };

/** Payload field → the values it may have (`{ "to": ["confirmed", "shipped"] }`). */
export type TriggerFilter = Record<string, string[]>;

/** The event as the action's outbox event carries it, and as a webhook receives it. */
export interface TriggeredEvent {
  id: number;
  topic: string;
  entityType: string | null;
  entityId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export const ACTION_TOPIC = 'trigger.action';
