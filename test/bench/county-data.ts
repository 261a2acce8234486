/**
 * Seeded county-scale data for the benchmarks: N planning areas, 7 primary year groups (R..Y6),
 * H historic years of rolls and births for the history and forecast years (births are known 4 years
 * ahead in real life; the bench assumes them for the whole horizon so every forecast year is
 * driven, which is the heavier path).
 *
 * Kent-like figures: Kent has about 17,000 Reception pupils a year; spread over 600 planning areas that
 * is roughly 30 a year per area, so births per area are drawn between 12 and 60 with a gentle trend;
 * the intake ratio (Reception / births four years earlier) sits between 0.85 and 1.02 and progression
 * ratios between 0.97 and 1.03, with year-to-year noise. Rolls are whole pupils, never 0.
 */
import { gaussian, substream, uniform } from '../../src/sample/prng';

export const YEAR_GROUPS = ['R', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'] as const;

export interface BenchArea {
  name: string;
  district: string;
  /** history years x 7 year groups, oldest first */
  rolls: number[][];
  /** history years + forecast years: births aligned by row (index i = cohort entering in year i) */
  births: number[];
}

const DISTRICTS = [
  'Ashford', 'Canterbury', 'Dartford', 'Dover', 'Gravesham', 'Maidstone',
  'Sevenoaks', 'Shepway', 'Swale', 'Thanet', 'Tonbridge & Malling', 'Tunbridge Wells',
];

/**
 * Makes `areas` planning areas with `historyYears` years of rolls and births for
 * historyYears + forecastYears years. Same seed, same data.
 */
export function makeCounty(areas: number, historyYears: number, forecastYears: number, seed = 2024): BenchArea[] {
  const out: BenchArea[] = [];
  for (let a = 0; a < areas; a++) {
    const rnd = substream(seed, `area-${a}`);
    const births: number[] = [];
    const base = uniform(rnd, 12, 60);
    const trend = uniform(rnd, -0.015, 0.02);
    let level = base;
    for (let t = 0; t < historyYears + forecastYears; t++) {
      births.push(Math.max(5, Math.round(level * (1 + 0.04 * gaussian(rnd) / 3))));
      level *= 1 + trend;
    }
    const intakeBase = uniform(rnd, 0.85, 1.02);
    const progressionBase = YEAR_GROUPS.slice(1).map(() => uniform(rnd, 0.97, 1.03));
    const rolls: number[][] = [];
    for (let t = 0; t < historyYears; t++) {
      const intake = intakeBase * (1 + (0.03 * gaussian(rnd)) / 3);
      const row = [Math.max(1, Math.round(births[t] * intake))];
      for (let g = 1; g < YEAR_GROUPS.length; g++) {
        const ratio = progressionBase[g - 1] * (1 + (0.015 * gaussian(rnd)) / 3);
        // Year 0 has no previous year: start from a steady state built on this year's intake.
        const previous = t === 0 ? row[g - 1] : rolls[t - 1][g - 1];
        row.push(Math.max(1, Math.round(previous * ratio)));
      }
      rolls.push(row);
    }
    out.push({ name: `PA${String(a + 1).padStart(3, '0')}`, district: DISTRICTS[a % DISTRICTS.length], rolls, births });
  }
  return out;
}
