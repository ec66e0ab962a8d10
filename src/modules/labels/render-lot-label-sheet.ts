import type { Database } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { createPdfDocument, pdfToBuffer } from '../../platform/pdf/pdf-document.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import { drawUdiLabel } from './draw-udi-label.ts';
import type { LotSheetInput } from './label-schemas.ts';
import { A4_3X8, labelCell, type SheetLayout } from './label-sheet-layout.ts';
import { planLotLabels, type LotLabel } from './plan-lot-labels.ts';

/**
 * A printable PDF of UDI labels for one lot of a catalogue device: A4 sheets of 3 × 8 labels,
 * each with the GS1 DataMatrix, its human-readable text, the names in Chinese and English, the
 * registration number, lot, dates and storage condition.
 */
export async function renderLotLabelSheet(db: Database, input: LotSheetInput, opts: { now?: Date } = {}): Promise<Buffer> {
  const device = (await readTx(db, (tx) => getDeviceFacts(tx, [input.deviceId]))).get(input.deviceId);
  if (!device) {
    throw new DomainError('NOT_FOUND', `device ${input.deviceId} not found`, {
      field: 'deviceId',
      details: { entity: 'device', id: input.deviceId },
    });
  }
  const labels = planLotLabels(device, input, opts.now);
  return drawLabelSheet(labels, `UDI ${device.code} ${input.lot}`);
}

function drawLabelSheet(labels: readonly LotLabel[], title: string, layout: SheetLayout = A4_3X8): Promise<Buffer> {
  const doc = createPdfDocument({ size: layout.page, marginMm: 0, title });
  let page = 0;
  labels.forEach((label, i) => {
    const cell = labelCell(layout, i);
    if (cell.page > page) {
      doc.addPage();
      page = cell.page;
    }
    drawUdiLabel(doc, label, cell);
  });
  return pdfToBuffer(doc);
}
