/** A fact another part of the system (or the outside world) reacts to, after the commit. */
export interface DomainEvent {
  topic: string;
  entityType?: string;
  entityId?: string;
  payload?: Record<string, unknown>;
}

export interface OutboxEvent {
  id: number;
  topic: string;
  entityType: string | null;
  entityId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}
