import { disableTelemetryFrame } from '../../src/demo/office-outside';

/** The shape of office.js's ULSEndpointProxy (o15apptofilemappingtable.js): a timer calls loadProxyFrame after 3 s. */
class FakeUlsEndpoint {
  frames: string[] = [];
  constructor() {
    setTimeout(() => this.loadProxyFrame(), 3000);
  }
  loadProxyFrame(): void {
    this.frames.push('https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html');
  }
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('without the switch the fake endpoint does add its frame after 3 s (the test can fail)', () => {
  const endpoint = new FakeUlsEndpoint();
  jest.advanceTimersByTime(3500);
  expect(endpoint.frames).toHaveLength(1);
});

test('switches off the frame that is already scheduled, on that instance only', () => {
  const endpoint = new FakeUlsEndpoint();
  const other = new FakeUlsEndpoint();
  expect(disableTelemetryFrame({ OSF: { Logger: { ulsEndpoint: endpoint } } })).toBe(true);
  jest.advanceTimersByTime(3500);
  expect(endpoint.frames).toEqual([]);
  expect(other.frames).toHaveLength(1);
  expect(FakeUlsEndpoint.prototype.loadProxyFrame).toBeInstanceOf(Function);
});

test('does nothing when office.js internals are absent or not as expected', () => {
  expect(disableTelemetryFrame({})).toBe(false);
  expect(disableTelemetryFrame(null)).toBe(false);
  expect(disableTelemetryFrame({ OSF: {} })).toBe(false);
  expect(disableTelemetryFrame({ OSF: { Logger: { ulsEndpoint: null } } })).toBe(false);
  const odd = { loadProxyFrame: 'not a function' };
  expect(disableTelemetryFrame({ OSF: { Logger: { ulsEndpoint: odd } } })).toBe(false);
  expect(odd.loadProxyFrame).toBe('not a function');
  // The default scope is the global object (no office.js under jest).
  expect(disableTelemetryFrame()).toBe(false);
});
