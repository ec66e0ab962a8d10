import type { AiRow } from './ai-spec.ts';

/**
 * GS1 measure and amount AIs (notation in ai-spec.ts). The fourth digit of a measure AI places the
 * decimal point: (3103)001250 is 1.250 kg. A trade measure describes the trade item (01/02), a
 * logistic one the logistic unit (00/01); one scan carries at most one AI of each measure.
 */
const trade = (prefix: string, title: string): AiRow => [
  `${prefix}0-${prefix}5`,
  'N6',
  title,
  `req=01,02 ex=${prefix}n`,
];
const logistic = (prefix: string, title: string): AiRow => [
  `${prefix}0-${prefix}5`,
  'N6',
  `${title}, log`,
  `req=00,01 ex=${prefix}n`,
];

/** Prices and amounts need a measure or count of the variable measure item they price. */
const MEASURED = '30,31nn,32nn,35nn,36nn';

export const MEASURE_ROWS: readonly AiRow[] = [
  trade('310', 'NET WEIGHT (kg)'),
  trade('311', 'LENGTH (m)'),
  trade('312', 'WIDTH (m)'),
  trade('313', 'HEIGHT (m)'),
  trade('314', 'AREA (m²)'),
  trade('315', 'NET VOLUME (l)'),
  trade('316', 'NET VOLUME (m³)'),
  trade('320', 'NET WEIGHT (lb)'),
  trade('321', 'LENGTH (in)'),
  trade('322', 'LENGTH (ft)'),
  trade('323', 'LENGTH (yd)'),
  trade('324', 'WIDTH (in)'),
  trade('325', 'WIDTH (ft)'),
  trade('326', 'WIDTH (yd)'),
  trade('327', 'HEIGHT (in)'),
  trade('328', 'HEIGHT (ft)'),
  trade('329', 'HEIGHT (yd)'),
  logistic('330', 'GROSS WEIGHT (kg)'),
  logistic('331', 'LENGTH (m)'),
  logistic('332', 'WIDTH (m)'),
  logistic('333', 'HEIGHT (m)'),
  logistic('334', 'AREA (m²)'),
  logistic('335', 'VOLUME (l)'),
  logistic('336', 'VOLUME (m³)'),
  ['3370-3375', 'N6', 'KG PER m²', 'req=01 ex=337n'],
  logistic('340', 'GROSS WEIGHT (lb)'),
  logistic('341', 'LENGTH (in)'),
  logistic('342', 'LENGTH (ft)'),
  logistic('343', 'LENGTH (yd)'),
  logistic('344', 'WIDTH (in)'),
  logistic('345', 'WIDTH (ft)'),
  logistic('346', 'WIDTH (yd)'),
  logistic('347', 'HEIGHT (in)'),
  logistic('348', 'HEIGHT (ft)'),
  logistic('349', 'HEIGHT (yd)'),
  trade('350', 'AREA (in²)'),
  trade('351', 'AREA (ft²)'),
  trade('352', 'AREA (yd²)'),
  logistic('353', 'AREA (in²)'),
  logistic('354', 'AREA (ft²)'),
  logistic('355', 'AREA (yd²)'),
  trade('356', 'NET WEIGHT (troy oz)'),
  trade('357', 'NET VOLUME (oz)'),
  trade('360', 'NET VOLUME (qt)'),
  trade('361', 'NET VOLUME (gal.)'),
  logistic('362', 'VOLUME (qt)'),
  logistic('363', 'VOLUME (gal.)'),
  trade('364', 'VOLUME (in³)'),
  trade('365', 'VOLUME (ft³)'),
  trade('366', 'VOLUME (yd³)'),
  logistic('367', 'VOLUME (in³)'),
  logistic('368', 'VOLUME (ft³)'),
  logistic('369', 'VOLUME (yd³)'),
  ['3900-3909', 'N..15', 'AMOUNT', 'req=255,8020 ex=390n,391n,394n,8111'],
  ['3910-3919', 'N3 N..15', 'AMOUNT', 'req=8020 ex=391n'],
  ['3920-3929', 'N..15', 'PRICE', 'req=01+30,01+31nn,01+32nn,01+35nn,01+36nn ex=392n,393n'],
  ['3930-3939', 'N3 N..15', 'PRICE', `req=${MEASURED} ex=393n`],
  ['3940-3943', 'N4', 'PRCNT OFF', 'req=255 ex=394n,8111'],
  ['3950-3955', 'N6', 'PRICE/UoM', `req=${MEASURED} ex=392n,393n,395n,8005`],
];
