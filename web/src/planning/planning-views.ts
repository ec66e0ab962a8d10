// What the planning screen reads: the answers the planning routes declare
// (src/modules/planning/planning-answer-schemas.ts), as generated into ../api/schema.d.ts.
import type { Answer } from '../api/client';

export type LoadRow = Answer<'get', '/api/v1/planning/load'>['items'][number];
