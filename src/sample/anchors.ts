/**
 * Published Kent figures the sample workbook is anchored to. Every value here holds EXACTLY (or,
 * for surplus fractions, to the stated tolerance) in the generated workbook for every seed; the
 * detail below them (planning areas, districts, years not listed) is illustrative.
 *
 * Sources: Kent County Council's Commissioning Plans for Education Provision as summarised in
 * ../shared/domain/place-planning.md section 8, and issue 5 of this project (figures it quotes as
 * "about": county Reception about 17,000 and Years 7-11 about 79,000 in 2016-17, births around
 * 17,000-18,000 a year in the 2010s) — those are set to the round figure.
 */

export interface Anchor {
  id: string;
  label: string;
  value: number;
  /** 'exact' = whole pupils equal; 'fraction' = within `tolerance` of the published fraction; 'range' = [value, high]. */
  kind: 'exact' | 'fraction' | 'range';
  tolerance?: number;
  high?: number;
  source: string;
}

const PLAN = 'Kent Commissioning Plan for Education Provision (place-planning.md s.8)';
const ISSUE = 'Issue 5 ("about" figure, set to the round number)';

export const ANCHORS = {
  reception2012: { id: 'reception2012', label: 'County Reception roll, 2012-13', value: 16982, kind: 'exact', source: PLAN },
  reception2017: { id: 'reception2017', label: 'County Reception roll, 2016-17', value: 17000, kind: 'exact', source: ISSUE },
  year7_2012: { id: 'year7_2012', label: 'County Year 7 roll, 2012-13', value: 15244, kind: 'exact', source: PLAN },
  secondary2017: { id: 'secondary2017', label: 'County Years 7-11 roll, 2016-17', value: 79000, kind: 'exact', source: ISSUE },
  births: { id: 'births', label: 'County live births per Reception cohort (every year in the workbook)', value: 17000, high: 18000, kind: 'range', source: 'Issue 5 ("around 17,000-18,000 a year in the 2010s")' },
  yearRSurplus: { id: 'yearRSurplus', label: 'Year R surplus, county, 2016-17', value: 0.056, kind: 'fraction', tolerance: 0.0005, source: PLAN },
  yearRSurplusDartford: { id: 'yearRSurplusDartford', label: 'Year R surplus, Dartford (lowest district), 2016-17', value: 0.015, kind: 'fraction', tolerance: 0.002, source: PLAN },
  yearRSurplusSevenoaks: { id: 'yearRSurplusSevenoaks', label: 'Year R surplus, Sevenoaks (highest district), 2016-17', value: 0.106, kind: 'fraction', tolerance: 0.002, source: PLAN },
  year7Surplus: { id: 'year7Surplus', label: 'Year 7 surplus, county, 2016-17', value: 0.075, kind: 'fraction', tolerance: 0.0005, source: PLAN },
  yearRForecastDifference: { id: 'yearRForecastDifference', label: 'January 2017: county Year R forecast minus actual (pupils)', value: 17, kind: 'exact', source: PLAN + '; published as "within 0.1% (17 pupils)", the sign here is illustrative' },
  year7ForecastDifference: { id: 'year7ForecastDifference', label: 'January 2017: county Year 7 forecast minus actual (pupils)', value: 22, kind: 'exact', source: PLAN + '; published as "within 22 pupils (0.1%)", the sign here is illustrative' },
  doverYear7Difference: { id: 'doverYear7Difference', label: 'January 2017: Dover Year 7 forecast minus actual (came in 62 below forecast)', value: 62, kind: 'exact', source: PLAN },
  yearRDistrictsOutside: { id: 'yearRDistrictsOutside', label: 'January 2017: districts whose Year R forecast was outside +/-1%', value: 9, kind: 'exact', source: PLAN },
} as const satisfies Record<string, Anchor>;

export type AnchorId = keyof typeof ANCHORS;
