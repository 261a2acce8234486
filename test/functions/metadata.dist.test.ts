/**
 * The generated dist/functions.json: every KENT function of issue 3 with its arguments in order,
 * optional flags and dimensionality, and the result dimensionality.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: 'scalar' | 'matrix' };
}

const metadata = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'dist', 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };

// Argument lists exactly as issue 3's table; [x] = optional, x* = a range (matrix).
// Trailing optional arguments this add-in adds: SURPLUSBY method and headers, COMMISSION, ACCURACYBY and BACKTEST headers.
const SPEC: Record<string, { params: string[]; result: 'scalar' | 'matrix' }> = {
  SURPLUS: { params: ['capacity*', 'roll*', '[method]'], result: 'scalar' },
  SURPLUSPLACES: { params: ['capacity*', 'roll*', '[method]'], result: 'scalar' },
  SURPLUSSTATUS: { params: ['surplus', '[min]', '[max]'], result: 'scalar' },
  SURPLUSBY: { params: ['groups*', 'capacity*', 'roll*', '[target]', '[method]', '[headers]'], result: 'matrix' },
  FE: { params: ['places', '[year_groups]', '[class_size]'], result: 'scalar' },
  PLACES: { params: ['fe', '[year_groups]', '[class_size]'], result: 'scalar' },
  PLACESNEEDED: { params: ['forecast', 'capacity', '[target]'], result: 'scalar' },
  FENEEDED: { params: ['forecast', 'capacity', '[target]', '[year_groups]', '[step]'], result: 'scalar' },
  COMMISSION: { params: ['forecast_intake*', 'capacity_intake*', '[target]', '[persist_years]', '[class_size]', '[headers]'], result: 'matrix' },
  FORECAST: { params: ['history*', '[driver*]', '[years]', '[ratio_years]', '[method]', '[additions*]'], result: 'matrix' },
  FORECASTRANGE: { params: ['history*', '[driver*]', '[years]', '[ratio_years]', '[method]', '[bound]'], result: 'matrix' },
  RATIOS: { params: ['history*', '[driver*]', '[ratio_years]', '[method]'], result: 'matrix' },
  HOUSINGYIELD: { params: ['dwellings*', '[yield_per_dwelling]', '[year_groups]'], result: 'matrix' },
  ACCURACY: { params: ['forecast*', 'actual*'], result: 'scalar' },
  ACCURACYBY: { params: ['groups*', 'forecast*', 'actual*', '[tolerance]', '[headers]'], result: 'matrix' },
  BACKTEST: { params: ['history*', '[driver*]', '[horizon]', '[ratio_years]', '[method]', '[headers]'], result: 'matrix' },
};

function describeParam(p: Parameter): string {
  const name = `${p.name}${p.dimensionality === 'matrix' ? '*' : ''}`;
  return p.optional ? `[${name}]` : name;
}

describe('dist/functions.json', () => {
  it('declares exactly the functions of issue 3', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SPEC).sort());
  });

  it.each(Object.keys(SPEC))('%s has its arguments in order with the right optional flags and dimensionality', (id) => {
    const f = metadata.functions.find((x) => x.id === id) as FunctionMetadata;
    expect(f.name).toBe(id);
    expect(f.parameters.map(describeParam)).toEqual(SPEC[id].params);
    expect(f.result.dimensionality ?? 'scalar').toBe(SPEC[id].result);
  });

  it.each(Object.keys(SPEC))('%s has planner-facing help within Excel limits, and no repeating arguments', (id) => {
    const f = metadata.functions.find((x) => x.id === id) as FunctionMetadata;
    expect(f.description && f.description.length).toBeGreaterThan(40);
    expect((f.description ?? '').length).toBeLessThanOrEqual(255);
    for (const p of f.parameters) {
      expect(p.repeating).toBeUndefined();
      expect((p.description ?? '').length).toBeGreaterThan(10);
      expect((p.description ?? '').length).toBeLessThanOrEqual(255);
      if (p.optional) expect(p.description).toMatch(/^Optional\./);
    }
  });

  it('tells every range argument how blank cells are read', () => {
    for (const f of metadata.functions) {
      if (!f.parameters.some((p) => p.dimensionality === 'matrix')) continue;
      const help = [f.description, ...f.parameters.map((p) => p.description)].join(' ');
      expect({ id: f.id, mentionsBlanks: /blank/i.test(help) }).toEqual({ id: f.id, mentionsBlanks: true });
    }
  });

  it('tells every scalar function how a blank cell is read', () => {
    for (const f of metadata.functions) {
      if (f.parameters.some((p) => p.dimensionality === 'matrix')) continue;
      expect({ id: f.id, blank: /blank cell counts as 0/i.test(f.description ?? '') || /blank cell counts as 0/i.test(f.parameters[0].description ?? '') }).toEqual({
        id: f.id,
        blank: true,
      });
    }
  });
});
