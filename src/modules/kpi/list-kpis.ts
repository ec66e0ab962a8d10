import { FORMULAS } from './formula-texts.ts';
import { KPI_NAMES, type Bilingual, type KpiName } from './kpi-types.ts';

/** Every KPI the API answers, with its formula: the dashboard's menu. */
export const listKpis = (): Array<{ name: KpiName; formula: Bilingual }> => KPI_NAMES.map((name) => ({ name, formula: FORMULAS[name] }));
