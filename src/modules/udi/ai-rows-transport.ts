import type { AiRow } from './ai-spec.ts';

/**
 * GS1 transport process AIs (43xx): ship-to and return-to addresses and delivery instructions on a
 * logistic unit, so all but the second address lines need its SSCC (00). Notation in ai-spec.ts.
 */
export const TRANSPORT_ROWS: readonly AiRow[] = [
  ['4300', 'X..35', 'SHIP TO COMP', 'req=00'],
  ['4301', 'X..35', 'SHIP TO NAME', 'req=00'],
  ['4302', 'X..70', 'SHIP TO ADD1', 'req=00'],
  ['4303', 'X..70', 'SHIP TO ADD2', 'req=4302'],
  ['4304', 'X..70', 'SHIP TO SUB', 'req=00'],
  ['4305', 'X..70', 'SHIP TO LOC', 'req=00'],
  ['4306', 'X..70', 'SHIP TO REG', 'req=00'],
  ['4307', 'X2', 'SHIP TO COUNTRY', 'req=00'],
  ['4308', 'X..30', 'SHIP TO PHONE', 'req=00'],
  ['4309', 'N10 N10', 'SHIP TO GEO', 'req=00'],
  ['4310', 'X..35', 'RTN TO COMP', 'req=00'],
  ['4311', 'X..35', 'RTN TO NAME', 'req=00'],
  ['4312', 'X..70', 'RTN TO ADD1', 'req=00'],
  ['4313', 'X..70', 'RTN TO ADD2', 'req=4312'],
  ['4314', 'X..70', 'RTN TO SUB', 'req=00'],
  ['4315', 'X..70', 'RTN TO LOC', 'req=00'],
  ['4316', 'X..70', 'RTN TO REG', 'req=00'],
  ['4317', 'X2', 'RTN TO COUNTRY', 'req=00'],
  ['4318', 'X..20', 'RTN TO POST', 'req=00'],
  ['4319', 'X..30', 'RTN TO PHONE', 'req=00'],
  ['4320', 'X..35', 'SRV DESCRIPTION', 'req=00'],
  ['4321', 'N1,yesno', 'DANGEROUS GOODS', 'req=00'],
  ['4322', 'N1,yesno', 'AUTH TO LEAVE', 'req=00'],
  ['4323', 'N1,yesno', 'SIG REQUIRED', 'req=00'],
  ['4324', 'N6,yymmd0 N4,hhmi', 'NOT BEF DEL DT', 'req=00'],
  ['4325', 'N6,yymmd0 N4,hhmi', 'NOT AFT DEL DT', 'req=00'],
  ['4326', 'N6,yymmdd', 'REL DATE', 'req=00'],
  ['4330', 'N6 [X1],hyphen', 'MAX TEMP F.', 'req=00 ex=4331'],
  ['4331', 'N6 [X1],hyphen', 'MAX TEMP C.', 'req=00 ex=4330'],
  ['4332', 'N6 [X1],hyphen', 'MIN TEMP F.', 'req=00 ex=4333'],
  ['4333', 'N6 [X1],hyphen', 'MIN TEMP C.', 'req=00 ex=4332'],
];
