import type { LotTrace } from './trace-lot.ts';
import type { OrderTrace } from './trace-order.ts';
import type { ScanTrace } from './trace-scan.ts';
import type { SerialStep, SerialTrace } from './trace-serial.ts';

/** The human (bilingual) text of the trace commands; --json prints the objects themselves. */
const day = (d: Date | string): string => new Date(d).toISOString().slice(0, 10);
const name = (x: { nameZh: string; nameEn: string | null }): string => (x.nameEn ? `${x.nameZh} / ${x.nameEn}` : x.nameZh);

export function describeLotTrace(t: LotTrace): string {
  const l = t.lot;
  return [
    `批次 Lot ${l.device.code} ${name(l.device)} · ${l.lotNumber} · 有效期 expiry ${l.expiresOn} · ${l.status}`,
    `注册证 Registration: ${l.device.registrationNumber ?? '—'}; 放行文件 Release documents: ${l.documents.map((d) => `${d.kind} ${d.reference}`).join(', ') || '—'}`,
    `发货 Shipped ${t.totals.shipped}, 退回 returned ${t.totals.returned}, 在外 net ${t.totals.net} · ${t.totals.consignees} 收货方 consignee(s), ${t.totals.shipments} 发货单 shipment(s)`,
    ...t.consignees.flatMap((c) => [
      `  ${c.customer.code} ${name(c.customer)}${c.shipTo ? ` → ${c.shipTo.name}, ${c.shipTo.line1}${c.shipTo.city ? `, ${c.shipTo.city}` : ''}` : ''}: net ${c.totals.net}`,
      ...c.shipments.map((s) => `    ${s.number} ${day(s.shippedAt)} 订单 order ${s.orderNumber}: ${s.shipped} shipped, ${s.returned} returned`),
    ]),
    `库存 On hand: ${t.onHand.map((b) => `${b.warehouseCode}/${b.binCode} ${b.onHand}`).join(', ') || '—'}`,
  ].join('\n');
}

export function describeOrderTrace(t: OrderTrace): string {
  return [
    `订单 Order ${t.order.number} · ${t.order.customer.code} ${name(t.order.customer)} · ${t.order.status}`,
    ...t.shipments.flatMap((s) => [
      `  发货单 Shipment ${s.number} ${day(s.shippedAt)} ${s.carrier} ${s.trackingNumber}`,
      ...s.packages.flatMap((p) => [
        `    箱 SSCC ${p.sscc ?? '—'}`,
        ...p.units.map((u) => `      L${u.lineNo} ${u.deviceCode} lot ${u.lotNumber}${u.serial ? ` SN ${u.serial}` : ''} ×${u.quantity}${u.udi ? ` UDI ${u.udi.hri}` : ''}`),
      ]),
    ]),
    ...t.lots.map((l) => `  批次 Lot ${l.device.code} ${l.lotNumber}: 注册证 ${l.device.registrationNumber ?? '—'}; ` +
      `放行 released ${l.release ? `${l.release.by} ${day(l.release.at)}` : '—'}; 文件 docs ${l.documents.map((d) => d.reference).join(', ') || '—'}`),
  ].join('\n');
}

const step = (s: SerialStep): string => {
  switch (s.kind) {
    case 'move':
      return `${s.moveType}${s.fromBin ? ` ${s.fromBin}` : ''}${s.toBin ? ` → ${s.toBin}` : ''}${s.receiptNumber ? ` (${s.receiptNumber})` : ''}${s.orderNumber ? ` order ${s.orderNumber}` : ''}`;
    case 'pick':
      return `拣货 picked for ${s.orderNumber} L${s.lineNo} from ${s.bin} by ${s.pickedBy}`;
    case 'shipment':
      return `发货 shipped ${s.shipmentNumber} to ${s.customer.code} ${name(s.customer)}${s.returned ? `, 已退回 returned ${s.returned}` : ''}`;
  }
};

export function describeSerialTrace(t: SerialTrace): string {
  return [
    `序列号 Serial ${t.serial} · ${t.device.code} ${name(t.device)} · lot ${t.lot?.lotNumber ?? '—'} · ${t.status}${t.binCode ? ` @ ${t.binCode}` : ''}`,
    ...t.history.map((s) => `  ${s.at.toISOString()} ${step(s)}`),
  ].join('\n');
}

export function describeScanTrace(t: ScanTrace): string {
  if (t.kind === 'serial') return describeSerialTrace(t);
  if (t.kind === 'lot') return describeLotTrace(t);
  return [
    `箱 SSCC ${t.sscc} · 订单 Order ${t.order.number} · ${t.shipment ? `发货单 Shipment ${t.shipment.number} ${day(t.shipment.shippedAt)}` : '未发货 not shipped'}`,
    ...t.units.map((u) => `  L${u.lineNo} ${u.deviceCode} lot ${u.lotNumber}${u.serial ? ` SN ${u.serial}` : ''} ×${u.quantity}`),
  ].join('\n');
}
