/** The EDI module's public face: parse inbound orders, write order acknowledgements. */
export { parseEdi } from './parse-edi.ts';
export { generate855 } from './x12/build-855.ts';
export { generateOrdrsp } from './edifact/build-ordrsp.ts';
export type * from './types.ts';
