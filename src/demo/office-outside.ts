/**
 * office.js outside Office (the demo host only).
 *
 * The demo host loads the npm copy of office.js so that the pane starts exactly as it does in Excel
 * (Office.onReady resolves, with host null outside Office). Outside Office, office.js also loads
 * o15apptofilemappingtable.js, whose ULS logger (`OSF.Logger.ulsEndpoint`, a `ULSEndpointProxy`)
 * schedules `loadProxyFrame()` 3 s later: a hidden iframe to Microsoft's telemetry service
 * (https://telemetryservice.firstpartyapps.oaspapps.com/...). Outside Office there is no host to
 * report to, and the add-in sends no data anywhere; the page's Content-Security-Policy (default-src
 * 'self', no frame-src) would block that frame regardless, and Chromium then logs a console error.
 * So, once Office.onReady has said there is no host, the demo replaces that one method on that one
 * object with a no-op. Nothing else of office.js is touched, and when the internals are not there
 * (another office.js version), nothing happens.
 *
 * Order (seen in Chromium with the npm copy): office.js loads o15apptofilemappingtable.js, which
 * creates the endpoint (and starts its 3 s timer) while it runs; Office.onReady resolves with host
 * null only after that script has run (office.js's onAppCodeReady callback), a few milliseconds
 * later. So the endpoint exists by the time the demo's onReady callback runs, well before the timer.
 */

/** The few office.js internals this module looks at (not in @types/office-js: they are private). */
interface UlsEndpoint {
  loadProxyFrame?: unknown;
}
interface OfficeInternals {
  OSF?: { Logger?: { ulsEndpoint?: UlsEndpoint | null } | null } | null;
}

/**
 * Switches off office.js's ULS telemetry proxy frame on the page `scope` (default: globalThis) if the
 * logger endpoint exists. Returns whether it did. Call it only outside Office (Office.onReady gave
 * host null): inside Office the host owns office.js's logging.
 *
 * @example
 * Office.onReady((info) => { if (!info.host) disableTelemetryFrame(); });
 */
export function disableTelemetryFrame(scope: unknown = globalThis): boolean {
  const endpoint = (scope as OfficeInternals | null | undefined)?.OSF?.Logger?.ulsEndpoint;
  if (!endpoint || typeof endpoint !== 'object' || typeof endpoint.loadProxyFrame !== 'function') return false;
  // An own property on the instance shadows ULSEndpointProxy.prototype.loadProxyFrame; the timer
  // already scheduled calls `_this.loadProxyFrame()`, so it finds this no-op.
  endpoint.loadProxyFrame = function loadProxyFrameDisabledOutsideOffice(): void {};
  return true;
}
