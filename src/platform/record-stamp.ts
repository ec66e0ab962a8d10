/**
 * What every master-data record says about itself: its version (optimistic concurrency) and
 * where it came from and who changed it last (provenance, shown by the data dictionary's lineage).
 */
export interface RecordStamp {
  version: number;
  source: string;
  sourceRef: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
