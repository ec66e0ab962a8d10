import type { DeviceInput } from '../modules/catalog/device-schemas.ts';
import { dayOffset } from './demo-dates.ts';
import { demoGtin } from './demo-gs1-keys.ts';

/** The demo maker's own products; the others are bought from the demo suppliers. */
const OWN = '上海联线医疗科技有限公司';
const KANGTAI = '苏州康泰医疗器械有限公司';
const ORTHOTEC = 'Orthotec GmbH';
const RIDGEVIEW = 'Ridgeview Orthopedics Inc.';

type Storage = DeviceInput['storageCondition'];
type Tracking = DeviceInput['trackingMode'];

interface Spec {
  ref: number;
  code: string;
  zh: string;
  en: string;
  cls: DeviceInput['deviceClass'];
  cat: string;
  /** registration or filing number; registrations expire `expiresIn` days after seeding */
  reg: string;
  expiresIn?: number;
  registrant: string;
  storage: Storage;
  shelf?: number;
  flags?: ReadonlyArray<'sterile' | 'implant'>;
  track?: Tracking;
  unit?: string;
  /** base units in a box and in a case (a case holds whole boxes) */
  box?: number;
  kase?: number;
  hs: string;
  origin?: string;
  /** LIC + product number of a maker that labels with HIBCC; each level adds its unit-of-measure digit (0 each, 1 box, 2 case) */
  hibcc?: string;
}

const Y = 365;
const SPECS: Spec[] = [
  // Cardiovascular: stents, catheters, guide wires (class III)
  { ref: 10001, code: 'LL-DES-3018', zh: '冠状动脉药物洗脱支架系统 3.0×18mm', en: 'Coronary drug-eluting stent system 3.0×18 mm', cls: 'III', cat: '13-07-02', reg: '国械注准20213130245', expiresIn: 25, registrant: OWN, storage: 'below_25C', shelf: 2 * Y, flags: ['sterile', 'implant'], track: 'lot_serial', hs: '9021900090' },
  { ref: 10002, code: 'LL-DES-3523', zh: '冠状动脉药物洗脱支架系统 3.5×23mm', en: 'Coronary drug-eluting stent system 3.5×23 mm', cls: 'III', cat: '13-07-02', reg: '国械注准20213130246', expiresIn: 3 * Y, registrant: OWN, storage: 'below_25C', shelf: 2 * Y, flags: ['sterile', 'implant'], track: 'lot_serial', hs: '9021900090' },
  { ref: 10003, code: 'LL-PTCA-2520', zh: 'PTCA球囊扩张导管 2.5×20mm', en: 'PTCA balloon dilatation catheter 2.5×20 mm', cls: 'III', cat: '03-13-01', reg: '国械注准20203030118', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', shelf: 3 * Y, flags: ['sterile'], box: 5, hs: '9018390000' },
  { ref: 10004, code: 'LL-GW-014', zh: 'PTCA导引导丝 0.014英寸', en: 'PTCA guide wire 0.014 in', cls: 'III', cat: '03-13-09', reg: '国械注准20193030377', expiresIn: 400, registrant: KANGTAI, storage: 'ambient', shelf: 3 * Y, flags: ['sterile'], box: 5, kase: 50, hs: '9018390000' },
  { ref: 10005, code: 'LL-CVC-7F', zh: '一次性使用中心静脉导管包 7Fr', en: 'Central venous catheter kit 7 Fr', cls: 'III', cat: '14-01-04', reg: '国械注准20223140562', expiresIn: 4 * Y, registrant: KANGTAI, storage: 'ambient', shelf: 3 * Y, flags: ['sterile'], unit: 'KIT', box: 10, kase: 100, hs: '9018390000' },
  { ref: 10006, code: 'LL-UC-16F', zh: '一次性使用无菌导尿管 16Fr', en: 'Sterile single-use urinary catheter 16 Fr', cls: 'II', cat: '14-05-01', reg: '沪械注准20192140188', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', shelf: 3 * Y, flags: ['sterile'], box: 20, kase: 400, hs: '9018390000' },
  // Orthopaedic implants (class III, serial-tracked)
  { ref: 10101, code: 'LL-HIP-STEM3', zh: '髋关节假体-股骨柄 3号', en: 'Hip prosthesis femoral stem size 3', cls: 'III', cat: '13-04-01', reg: '国械注进20193130071', expiresIn: 300, registrant: ORTHOTEC, storage: 'ambient', shelf: 5 * Y, flags: ['sterile', 'implant'], track: 'lot_serial', hs: '9021310000', origin: 'DE' },
  { ref: 10102, code: 'LL-PLATE-L8', zh: '锁定接骨板 8孔', en: 'Locking bone plate, 8 holes', cls: 'III', cat: '13-03-01', reg: '国械注准20203130433', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', shelf: 5 * Y, flags: ['sterile', 'implant'], track: 'lot_serial', hs: '9021100000' },
  { ref: 10103, code: 'LL-SCREW-6540', zh: '椎弓根螺钉 6.5×40mm', en: 'Pedicle screw 6.5×40 mm', cls: 'III', cat: '13-03-02', reg: '国械注准20203130434', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', shelf: 5 * Y, flags: ['sterile', 'implant'], track: 'lot_serial', hs: '9021100000' },
  { ref: 10104, code: 'LL-KNEE-F4', zh: '膝关节假体-股骨髁 4号', en: 'Knee prosthesis femoral component size 4', cls: 'III', cat: '13-04-02', reg: '国械注进20163130288', expiresIn: -15, registrant: RIDGEVIEW, storage: 'ambient', shelf: 5 * Y, flags: ['sterile', 'implant'], track: 'serial', hs: '9021310000', origin: 'US', hibcc: 'R789KNEEF4' },
  // In-vitro diagnostic reagents: the 2–8 °C cold chain (one control frozen)
  { ref: 10201, code: 'LL-IVD-CTNI', zh: '心肌肌钙蛋白I测定试剂盒（化学发光法）100测试', en: 'Cardiac troponin I assay kit (CLIA), 100 tests', cls: 'II', cat: '6840', reg: '沪械注准20212400315', expiresIn: 3 * Y, registrant: OWN, storage: '2-8C', shelf: Y, unit: 'KIT', kase: 20, hs: '3822190090' },
  { ref: 10202, code: 'LL-IVD-HBSAG', zh: '乙型肝炎病毒表面抗原检测试剂盒（酶联免疫法）96人份', en: 'HBsAg ELISA kit, 96 tests', cls: 'III', cat: '6840', reg: '国械注准20193400812', expiresIn: 80, registrant: KANGTAI, storage: '2-8C', shelf: Y, unit: 'KIT', kase: 40, hs: '3822190090' },
  { ref: 10203, code: 'LL-IVD-COV2AG', zh: '新型冠状病毒抗原检测试剂盒（胶体金法）20人份', en: 'SARS-CoV-2 antigen rapid test, 20 tests', cls: 'III', cat: '6840', reg: '国械注准20223400467', expiresIn: 60, registrant: OWN, storage: '2-8C', shelf: 540, unit: 'KIT', kase: 50, hs: '3822190090' },
  { ref: 10204, code: 'LL-IVD-HBA1C', zh: '糖化血红蛋白测定试剂盒（酶法）', en: 'HbA1c assay kit (enzymatic)', cls: 'II', cat: '6840', reg: '苏械注准20202400156', expiresIn: 2 * Y, registrant: KANGTAI, storage: '2-8C', shelf: 540, unit: 'KIT', kase: 20, hs: '3822190090' },
  { ref: 10205, code: 'LL-IVD-GLU', zh: '葡萄糖测定试剂盒（葡萄糖氧化酶法）', en: 'Glucose assay kit (glucose oxidase)', cls: 'II', cat: '6840', reg: '沪械注准20212400316', expiresIn: 3 * Y, registrant: OWN, storage: '2-8C', shelf: Y, unit: 'KIT', kase: 20, hs: '3822190090' },
  { ref: 10206, code: 'LL-QC-CTNI', zh: '心肌肌钙蛋白I质控品', en: 'Cardiac troponin I control', cls: 'II', cat: '6840', reg: '沪械注准20212400317', expiresIn: 3 * Y, registrant: OWN, storage: 'frozen', shelf: 2 * Y, unit: 'KIT', kase: 10, hs: '3822190090' },
  // Syringes, needles, infusion sets (class III in China)
  { ref: 10301, code: 'LL-SYR-5ML', zh: '一次性使用无菌注射器 5ml 带针', en: 'Sterile single-use syringe 5 ml with needle', cls: 'III', cat: '14-01-01', reg: '国械注准20193140521', expiresIn: 500, registrant: OWN, storage: 'ambient', shelf: 5 * Y, flags: ['sterile'], box: 100, kase: 2000, hs: '9018311000' },
  { ref: 10302, code: 'LL-SYR-10ML', zh: '一次性使用无菌注射器 10ml 带针', en: 'Sterile single-use syringe 10 ml with needle', cls: 'III', cat: '14-01-01', reg: '国械注准20193140522', expiresIn: 500, registrant: OWN, storage: 'ambient', shelf: 5 * Y, flags: ['sterile'], box: 100, kase: 1200, hs: '9018311000' },
  { ref: 10303, code: 'LL-SYR-INS1', zh: '一次性使用无菌胰岛素注射器 1ml', en: 'Sterile single-use insulin syringe 1 ml', cls: 'III', cat: '14-01-01', reg: '国械注准20213140198', expiresIn: 80, registrant: KANGTAI, storage: 'ambient', shelf: 5 * Y, flags: ['sterile'], box: 100, kase: 1000, hs: '9018311000' },
  { ref: 10304, code: 'LL-NDL-07', zh: '一次性使用无菌注射针 0.7mm', en: 'Sterile hypodermic needle 0.7 mm', cls: 'III', cat: '14-01-02', reg: '国械注准20203140607', expiresIn: 2 * Y, registrant: KANGTAI, storage: 'ambient', shelf: 5 * Y, flags: ['sterile'], box: 100, kase: 5000, hs: '9018321000' },
  { ref: 10305, code: 'LL-INF-SET', zh: '一次性使用输液器 带针', en: 'Single-use infusion set with needle', cls: 'III', cat: '14-02-01', reg: '国械注准20213140733', expiresIn: 4 * Y, registrant: OWN, storage: 'ambient', shelf: 3 * Y, flags: ['sterile'], box: 50, kase: 500, hs: '9018390000' },
  // Gauze, bandages, dressings
  { ref: 10401, code: 'LL-GAUZE-75', zh: '医用脱脂纱布块 7.5×7.5cm（非无菌）', en: 'Absorbent gauze swab 7.5×7.5 cm, non-sterile', cls: 'I', cat: '14-10-01', reg: '京械备20200045号', registrant: OWN, storage: 'ambient', shelf: 5 * Y, unit: 'PCS', box: 100, kase: 2000, hs: '3005909000' },
  { ref: 10402, code: 'LL-GAUZE-S10', zh: '无菌纱布块 10×10cm', en: 'Sterile gauze swab 10×10 cm', cls: 'II', cat: '14-10-02', reg: '苏械注准20202140310', expiresIn: 12, registrant: KANGTAI, storage: 'ambient', shelf: 3 * Y, flags: ['sterile'], unit: 'PCS', box: 10, kase: 500, hs: '3005909000' },
  { ref: 10403, code: 'LL-BAND-EL', zh: '医用弹性绷带 10cm×4.5m', en: 'Medical elastic bandage 10 cm × 4.5 m', cls: 'I', cat: '14-10-03', reg: '沪械备20190112号', registrant: OWN, storage: 'ambient', shelf: 5 * Y, unit: 'ROLL', box: 12, kase: 240, hs: '3005909000' },
  { ref: 10404, code: 'LL-DRESS-FILM', zh: '透明敷料 6×7cm', en: 'Transparent film dressing 6×7 cm', cls: 'II', cat: '14-10-05', reg: '沪械注准20202140277', expiresIn: 2 * Y, registrant: OWN, storage: 'below_25C', shelf: 3 * Y, flags: ['sterile'], box: 100, kase: 1000, hs: '3005100000' },
  // Masks, gloves, gowns
  { ref: 10501, code: 'LL-MASK-SURG', zh: '医用外科口罩（独立包装）', en: 'Surgical mask, individually packed', cls: 'II', cat: '14-14-01', reg: '湘械注准20202140562', expiresIn: 2 * Y, registrant: KANGTAI, storage: 'ambient', shelf: 2 * Y, flags: ['sterile'], box: 50, kase: 2000, hs: '6307900010' },
  { ref: 10502, code: 'LL-MASK-KN95', zh: '医用防护口罩', en: 'Medical protective mask', cls: 'II', cat: '14-14-02', reg: '湘械注准20202140563', expiresIn: 45, registrant: KANGTAI, storage: 'ambient', shelf: 3 * Y, box: 20, kase: 400, hs: '6307900010' },
  { ref: 10503, code: 'LL-MASK-DISP', zh: '一次性使用医用口罩', en: 'Single-use medical mask', cls: 'II', cat: '14-14-03', reg: '湘械注准20202140564', expiresIn: 3 * Y, registrant: KANGTAI, storage: 'ambient', shelf: 3 * Y, box: 50, kase: 2000, hs: '6307900010' },
  { ref: 10504, code: 'LL-GLOVE-M', zh: '一次性使用医用橡胶检查手套 M号', en: 'Latex examination gloves, size M', cls: 'II', cat: '14-13-01', reg: '苏械注准20212140095', expiresIn: 3 * Y, registrant: KANGTAI, storage: 'below_25C', shelf: 3 * Y, unit: 'PCS', box: 100, kase: 1000, hs: '4015120000' },
  { ref: 10505, code: 'LL-GOWN-ISO', zh: '一次性使用医用隔离衣', en: 'Single-use isolation gown', cls: 'I', cat: '14-14-05', reg: '沪械备20210077号', registrant: OWN, storage: 'ambient', shelf: 3 * Y, box: 10, kase: 100, hs: '6210103000' },
  // Surgical instruments (reusable, class I) and blades
  { ref: 10601, code: 'LL-SCAL-H4', zh: '手术刀柄 4号', en: 'Scalpel handle No. 4', cls: 'I', cat: '02-01-01', reg: '京械备20210302号', registrant: OWN, storage: 'ambient', box: 10, hs: '9018909919' },
  { ref: 10602, code: 'LL-FORC-H16', zh: '止血钳 直 16cm', en: 'Haemostatic forceps, straight, 16 cm', cls: 'I', cat: '02-08-01', reg: '京械备20210303号', registrant: OWN, storage: 'ambient', box: 10, hs: '9018909919' },
  { ref: 10603, code: 'LL-SCIS-T18', zh: '组织剪 弯 18cm', en: 'Tissue scissors, curved, 18 cm', cls: 'I', cat: '02-04-01', reg: '京械备20210304号', registrant: OWN, storage: 'ambient', box: 10, hs: '9018909919' },
  { ref: 10604, code: 'LL-NH-14', zh: '持针钳 14cm', en: 'Needle holder 14 cm', cls: 'I', cat: '02-13-01', reg: '京械备20210305号', registrant: OWN, storage: 'ambient', box: 10, hs: '9018909919' },
  { ref: 10605, code: 'LL-BLADE-23', zh: '一次性使用无菌手术刀片 23号', en: 'Sterile surgical blade No. 23', cls: 'II', cat: '02-01-02', reg: '沪械注准20192020311', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', shelf: 5 * Y, flags: ['sterile'], box: 100, kase: 2000, hs: '9018909919' },
  { ref: 10606, code: 'LL-SUT-PGA30', zh: '可吸收性外科缝线 PGA 3-0', en: 'Absorbable surgical suture PGA 3-0', cls: 'III', cat: '02-13-06', reg: '国械注准20203020519', expiresIn: 3 * Y, registrant: KANGTAI, storage: 'below_25C', shelf: 5 * Y, flags: ['sterile', 'implant'], box: 12, kase: 144, hs: '3006101000' },
  // Monitoring (serial-tracked electronics)
  { ref: 10701, code: 'LL-BPM-ARM', zh: '上臂式电子血压计', en: 'Upper-arm electronic blood pressure monitor', cls: 'II', cat: '07-03-03', reg: '沪械注准20212070144', expiresIn: 3 * Y, registrant: OWN, storage: 'ambient', track: 'serial', kase: 10, hs: '9018190000' },
  { ref: 10702, code: 'LL-THERM-IR', zh: '红外额温计', en: 'Infrared forehead thermometer', cls: 'II', cat: '07-03-01', reg: '沪械注准20202070098', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', track: 'serial', kase: 50, hs: '9025191010' },
  { ref: 10703, code: 'LL-SPO2-FT', zh: '指夹式脉搏血氧仪', en: 'Fingertip pulse oximeter', cls: 'II', cat: '07-03-04', reg: '沪械注准20202070099', expiresIn: 2 * Y, registrant: OWN, storage: 'ambient', track: 'serial', kase: 50, hs: '9018193000' },
];

function packaging(s: Spec): NonNullable<DeviceInput['packaging']> {
  const levels: NonNullable<DeviceInput['packaging']> = [{ level: 'each', gtin: demoGtin(s.ref), quantity: 1 }];
  if (s.box) levels.push({ level: 'box', gtin: demoGtin(s.ref, 1), quantity: s.box });
  if (s.kase) levels.push({ level: 'case', gtin: demoGtin(s.ref, 2), quantity: s.kase });
  return s.hibcc ? levels.map((l) => ({ ...l, hibcc: `${s.hibcc}${['each', 'box', 'case'].indexOf(l.level)}` })) : levels;
}

function device(s: Spec, today: string): DeviceInput {
  const filing = s.cls === 'I';
  const expires = filing || s.expiresIn === undefined ? undefined : dayOffset(today, s.expiresIn);
  return {
    code: s.code, nameZh: s.zh, nameEn: s.en, deviceClass: s.cls, categoryCode: s.cat,
    registrationKind: filing ? 'filing' : 'registration', registrationNumber: s.reg,
    registrationIssuedOn: expires ? dayOffset(expires, -5 * Y) : '2021-03-15',
    ...(expires ? { registrationExpiresOn: expires } : {}),
    registrant: s.registrant, storageCondition: s.storage,
    ...(s.shelf ? { shelfLifeDays: s.shelf } : {}),
    sterile: s.flags?.includes('sterile') ?? false, implantable: s.flags?.includes('implant') ?? false,
    trackingMode: s.track ?? 'lot', baseUnit: s.unit ?? 'EA', hsCode: s.hs, countryOfOrigin: s.origin ?? 'CN',
    leadTimeDays: s.registrant === OWN ? 21 : 35, makeOrBuy: s.registrant === OWN ? 'make' : 'buy',
    packaging: packaging(s),
  };
}

/** The demo catalogue: classes I–III across the product families a Chinese device company sells. */
export const demoDevices = (today: string): DeviceInput[] => SPECS.map((s) => device(s, today));
