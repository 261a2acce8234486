/**
 * Kent's geography for the sample workbook: the 4 areas and 12 districts are real (see
 * ../shared/domain/place-planning.md, section 2); the primary planning areas inside each district are
 * ILLUSTRATIVE names chosen to look plausible, not Kent County Council's own planning groups.
 */

export type KentArea = 'North' | 'South' | 'East' | 'West';

export interface DistrictInfo {
  name: string;
  area: KentArea;
  /** Illustrative primary planning areas (2-4 per district). */
  planningAreas: readonly string[];
}

export const COUNTY = 'Kent';

/** Districts in area order (North, South, East, West), as Kent's plans list them. */
export const KENT_DISTRICTS: readonly DistrictInfo[] = [
  { name: 'Dartford', area: 'North', planningAreas: ['Dartford North', 'Dartford Town & West', 'Swanscombe & Greenhithe'] },
  { name: 'Gravesham', area: 'North', planningAreas: ['Gravesend North', 'Gravesend South & Rural'] },
  { name: 'Sevenoaks', area: 'North', planningAreas: ['Sevenoaks Town', 'Swanley & Hextable', 'Sevenoaks Rural North', 'Edenbridge & Westerham'] },
  { name: 'Ashford', area: 'South', planningAreas: ['Ashford North', 'Ashford South', 'Ashford Rural East', 'Ashford Rural West'] },
  { name: 'Dover', area: 'South', planningAreas: ['Dover Town', 'Deal', 'Sandwich & Dover Rural'] },
  { name: 'Shepway', area: 'South', planningAreas: ['Folkestone', 'Hythe', 'Romney Marsh'] },
  { name: 'Canterbury', area: 'East', planningAreas: ['Canterbury City', 'Whitstable', 'Herne Bay'] },
  { name: 'Swale', area: 'East', planningAreas: ['Sittingbourne', 'Faversham', 'Isle of Sheppey'] },
  { name: 'Thanet', area: 'East', planningAreas: ['Margate', 'Ramsgate', 'Broadstairs'] },
  { name: 'Maidstone', area: 'West', planningAreas: ['Maidstone Town', 'Maidstone North', 'Maidstone Rural South', 'Maidstone Rural East'] },
  { name: 'Tonbridge & Malling', area: 'West', planningAreas: ['Tonbridge', 'West Malling & Kings Hill', 'Snodland & Aylesford'] },
  { name: 'Tunbridge Wells', area: 'West', planningAreas: ['Tunbridge Wells Town', 'Tunbridge Wells Rural'] },
];

export const KENT_AREAS: readonly KentArea[] = ['North', 'South', 'East', 'West'];

/**
 * The planning area the "Try the functions" examples forecast and commission for: generated with a
 * Reception deficit, rising births and the heaviest housing, so COMMISSION has something to show.
 */
export const FEATURED_PLANNING_AREA = 'Dartford North';
