import type { Actor } from '../../platform/actor.ts';

/** Where a master record came from: the provenance columns source and source_ref. */
export interface Provenance {
  /** api, api_token, import, demo, … */
  source: string;
  sourceRef?: string | null;
}

export const defaultProvenance = (actor: Actor): Provenance => ({ source: actor.type === 'token' ? 'api_token' : 'api' });
