/**
 * The sample Kent workbook as `WorkbookData` (what MemoryGateway loads and the xlsx builder writes),
 * plus the presentation the xlsx file adds (widths, wrapping, frozen rows, spill blocks, cached results).
 */
import type { CellValue } from '../excel/gateway';
import type { WorkbookData } from '../excel/workbook-data';
import { coverSheet } from './cover';
import { accuracySheet, geographySheet, primarySheet, secondarySheet, type InputLayout } from './input-sheets';
import { DEFAULT_SEED, sampleKent, type SampleKent } from './kent';
import type { SheetLook } from './sheet-builder';
import { trySheet, type TryExample } from './try-sheet';

export interface SampleWorkbookLayout {
  kent: SampleKent;
  data: WorkbookData;
  looks: SheetLook[];
  layout: InputLayout;
  examples: TryExample[];
  /** Cached results of plain (non-KENT) formulas, by sheet then address. */
  cached: Record<string, Record<string, CellValue>>;
}

/** Everything the demo host and the xlsx builder need, for one seed. */
export function sampleWorkbookLayout(seed: number = DEFAULT_SEED): SampleWorkbookLayout {
  const kent = sampleKent(seed);
  const primary = primarySheet(kent);
  const secondary = secondarySheet(kent);
  const accuracy = accuracySheet(kent);
  const geography = geographySheet(kent);
  const layout: InputLayout = {
    primary: primary.blocks,
    secondary: secondary.blocks,
    primaryLastRow: primary.blocks[primary.blocks.length - 1].lastRow,
    secondaryLastRow: secondary.blocks[secondary.blocks.length - 1].lastRow,
    accuracyLastRow: kent.accuracy.length + 1,
    accuracyPhases: accuracy.phases,
  };
  const cover = coverSheet(kent);
  const tryIt = trySheet(kent, layout);
  const builders = [cover, tryIt.sheet, primary.sheet, secondary.sheet, accuracy.sheet, geography];
  return {
    kent,
    data: { sheets: builders.map((s) => s.toSheetData()), activeSheet: cover.name },
    looks: builders.map((s) => s.look),
    layout,
    examples: tryIt.examples,
    cached: { [tryIt.sheet.name]: tryIt.cached },
  };
}

/**
 * The sample Kent workbook: Cover, Try the functions, Primary rolls (table PrimaryRolls), Secondary
 * rolls (SecondaryRolls), Accuracy (AccuracyReview) and Geography (Geography). Deterministic per seed.
 * @example
 * const gateway = new MemoryGateway(sampleWorkbook());
 */
export function sampleWorkbook(seed: number = DEFAULT_SEED): WorkbookData {
  return sampleWorkbookLayout(seed).data;
}
