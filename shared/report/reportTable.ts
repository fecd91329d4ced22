/**
 * One published table (issue 15), as the output sheets and the Word appendix print it: the types
 * shared by the table builders (resultTable.ts, awardTable.ts, tables.ts) and the document
 * (the ReportDocument builder), apart so that neither imports the other.
 */
import type { CellValue } from '../model/types';

export interface DocumentColumn {
  align: 'left' | 'center' | 'right';
  wrap: boolean;
  /** Relative width (the sheet's column width in characters). */
  width: number;
}

/** One titled, bordered table. Cells hold the printed numbers; `formats` one per column. */
export interface ReportTable {
  title: string;
  subtitle?: string;
  header: string[];
  rows: CellValue[][];
  /** Number format per column ("0", "0.00", "@"), as the sheet shows the cells. */
  formats: string[];
  columns: DocumentColumn[];
  /**
   * Cells the sheets fill with the light highlight (0-based inside `rows`): ties and award
   * proposals in the results. The note column says the same in words; a writer may ignore it.
   */
  highlights?: { row: number; col: number }[];
}
