import { Type } from 'typebox';
import { Timestamp } from '../../platform/http/schemas.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds.ts';

export const DocumentKindSchema = Type.Union([
  Type.Literal('packing_list'), Type.Literal('compliance_bundle'), Type.Literal('commercial_invoice'), Type.Literal('certificate_of_origin'),
], {
  description: 'packing_list (delivery note), compliance_bundle, commercial_invoice, certificate_of_origin (exports)',
  'x-zh': '单据类型：装箱单/送货单、随货合规文件、商业发票、原产地证明数据页（出口）',
});

export const DocumentParams = Type.Object({ id: Type.String({ format: 'uuid' }), kind: DocumentKindSchema });

export const isDocumentKind = (value: string): value is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(value);

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const DocumentList = Type.Object({
  shipmentId: Type.String(),
  shipmentNumber: Type.String(),
  orderNumber: Type.String(),
  export: Type.Boolean({ description: 'ships to another country than the warehouse is in' }),
  documents: Type.Array(Type.Object({
    kind: DocumentKindSchema,
    title: Bilingual,
    contentType: Type.String(),
    recorded: Type.Union([Type.Null(), Type.Object({
      sha256: Type.String(), sizeBytes: Type.Integer(), generatedAt: Timestamp(), generatedBy: Type.String(),
    })], { description: 'the generated copy on record, served by the download; null: drawn on request' }),
  })),
});

export const pdfResponse = {
  200: { description: 'the document as PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
};
