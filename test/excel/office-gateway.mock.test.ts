/**
 * OfficeGateway against office-addin-mock's OfficeMockObject (Microsoft's mocking library), as a
 * second opinion beside the counting fake: the gateway only loads what it reads, and reads only after
 * syncing, or the mock answers with an error text instead of a value.
 */
import { OfficeGateway } from '../../src/excel/office-gateway';

import { OfficeMockObject } from 'office-addin-mock';

type Batch = (context: Excel.RequestContext) => Promise<unknown>;

function mockExcel(workbook: Record<string, unknown>) {
  const mock = new OfficeMockObject({
    host: 'excel',
    context: { workbook },
    run: async function (this: { context: unknown }, batch: Batch) {
      return batch(this.context as Excel.RequestContext);
    },
  }) as unknown as { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => Promise<T> };
  return new OfficeGateway({ run: (batch) => mock.run(batch) });
}

describe('OfficeGateway with office-addin-mock', () => {
  it('reads the selection, stripping the sheet from the address', async () => {
    const gateway = mockExcel({
      range: { address: "'Primary rolls'!B2:M40", worksheet: { name: 'Primary rolls' } },
      getSelectedRange: function (this: { range: unknown }) {
        return this.range;
      },
    });
    expect(await gateway.selection()).toEqual({ kind: 'range', sheet: 'Primary rolls', address: 'B2:M40' });
  });

  it('loads a saved setting, and reports a missing one as null', async () => {
    const setting = (value: string | undefined, isNull: boolean) => ({
      item: { value },
      getItemOrNullObject: function (this: { item: object }) {
        // Office fills isNullObject on every sync without a load; the mock needs it set by hand.
        Object.defineProperty(this.item, 'isNullObject', { value: isNull });
        return this.item;
      },
    });
    expect(await mockExcel({ settings: setting('{"scenarios":[]}', false) }).loadSetting('kpp.scenarios')).toBe('{"scenarios":[]}');
    expect(await mockExcel({ settings: setting(undefined, true) }).loadSetting('kpp.scenarios')).toBeNull();
  });

  it('turns an error inside the batch into a plain GatewayError', async () => {
    // The selection's worksheet has no name in the mock, so loading it throws inside the batch.
    const gateway = mockExcel({
      range: { address: 'Notes!A1', worksheet: {} },
      getSelectedRange: function (this: { range: unknown }) {
        return this.range;
      },
    });
    await expect(gateway.selection()).rejects.toMatchObject({ kind: 'excel' });
  });
});
