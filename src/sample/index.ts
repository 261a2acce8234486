/** The seeded sample Kent workbook: structured data, WorkbookData, and what the xlsx builder needs. */
export { sampleWorkbook, sampleWorkbookLayout, type SampleWorkbookLayout } from './workbook';
export {
  sampleKent, countyModel, DEFAULT_SEED, HISTORY_YEARS, FORECAST_YEARS, PRIMARY_YEAR_GROUPS, SECONDARY_YEAR_GROUPS,
  BIRTH_YEARS_AHEAD, ACCURACY_PHASES,
  type SampleKent, type PlanningAreaSample, type DistrictSample, type AccuracySample, type AccuracyPhase,
} from './kent';
export { ANCHORS, type Anchor, type AnchorId } from './anchors';
export { KENT_DISTRICTS, KENT_AREAS, COUNTY, FEATURED_PLANNING_AREA, type KentArea, type DistrictInfo } from './geography';
export { SHEET_NAMES, TABLE_NAMES, PRIMARY_HEADERS, SECONDARY_HEADERS, ACCURACY_HEADERS, GEOGRAPHY_HEADERS } from './input-sheets';
export { KENT_FUNCTIONS, SPILL_MARGIN, type TryExample } from './try-sheet';
export { GENERATOR_PATH, BUILDER_PATH } from './cover';
export type { SheetLook, SpillReservation } from './sheet-builder';
