/**
 * Offline structural check of the add-in manifest (`npm run validate [manifest.xml]`). Microsoft's
 * service check stays available as `npm run validate:online`; this one needs no network and checks what
 * this add-in relies on:
 *
 * - the XML is well formed (strict parser, namespaces resolved);
 * - OfficeApp 1.1 TaskPaneApp for the Workbook host, top-level elements in schema order, Id a GUID;
 * - every resid resolves to a resource of the right kind (image, URL, short or long string), resource
 *   ids are unique and within Office's length limits;
 * - the custom functions namespace is KENT (KENTDEV for the development copy, whose name ends "(dev)");
 * - shared runtime: the Runtime, the CustomFunctions Page, the FunctionFile and the task pane button all
 *   use the same URL resource, with lifetime="long"; SharedRuntime and CustomFunctionsRuntime are required;
 * - every URL is https and all share one origin;
 * - every icon is a PNG in assets/ of the size it is declared at;
 * - Permissions is ReadWriteDocument.
 *
 * Usage: tsx src/tools/validate-manifest.ts [manifest] [--assets <dir>] [--namespace <NAME>]
 * (assets default: the assets/ folder next to the manifest). Exit 0 when valid, 1 with the problems
 * listed otherwise, 2 when the file cannot be read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';

const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OVERRIDES = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** An element of the parsed manifest. */
export interface XmlElement {
  local: string;
  uri: string;
  name: string;
  attributes: Record<string, { local: string; uri: string; value: string }>;
  children: XmlElement[];
  text: string;
  line: number;
}

/** Thrown for XML that is not well formed. */
export class XmlSyntaxError extends Error {}

/**
 * Parses XML strictly (well-formedness and namespaces) into an element tree.
 *
 * @throws {XmlSyntaxError} with the line and column of the first problem
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: string | null = null;
  parser.on('error', (e: Error) => {
    if (failure === null) failure = e.message;
  });
  parser.on('opentag', (tag) => {
    const attributes: XmlElement['attributes'] = {};
    for (const [name, a] of Object.entries(tag.attributes)) attributes[name] = { local: a.local, uri: a.uri, value: a.value };
    const element: XmlElement = { local: tag.local, uri: tag.uri, name: tag.name, attributes, children: [], text: '', line: parser.line };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text: string) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (failure === null) failure = e instanceof Error ? e.message : String(e);
  }
  if (failure !== null) throw new XmlSyntaxError(`not well-formed XML: ${failure}`);
  if (root === null) throw new XmlSyntaxError('not well-formed XML: no root element');
  return root;
}

/** The value of an attribute by local name (any namespace unless given). */
function attr(el: XmlElement, local: string, uri = ''): string | undefined {
  for (const a of Object.values(el.attributes)) if (a.local === local && (uri === '' ? a.uri === '' : a.uri === uri)) return a.value;
  return undefined;
}

function xsiType(el: XmlElement): string | undefined {
  return attr(el, 'type', NS_XSI);
}

function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return childrenNamed(el, local)[0];
}

function* walk(el: XmlElement): Generator<{ el: XmlElement; parent: XmlElement | null }> {
  const stack: { el: XmlElement; parent: XmlElement | null }[] = [{ el, parent: null }];
  while (stack.length > 0) {
    const item = stack.pop() as { el: XmlElement; parent: XmlElement | null };
    yield item;
    for (let i = item.el.children.length - 1; i >= 0; i--) stack.push({ el: item.el.children[i], parent: item.el });
  }
}

type ResourceKind = 'image' | 'url' | 'short string' | 'long string';
interface Resource {
  id: string;
  kind: ResourceKind;
  value: string;
  line: number;
}

/** The result of a check: problems that make the manifest invalid, and advice. */
export interface ValidationResult {
  errors: string[];
  warnings: string[];
  /** What was checked, in a few words each (for the success message). */
  checked: string[];
}

export interface ValidateOptions {
  /** Folder the icon URLs under /assets/ map to. */
  assetsDir: string;
  /** Required namespace; default: KENT, or KENTDEV when the display name ends "(dev)". */
  namespace?: string;
}

const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];
const REQUIRED_TOP_LEVEL = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'DefaultSettings', 'Permissions', 'VersionOverrides'];

/** Office's limits on resource values and ids. */
const MAX_RESID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;
const MAX_URL = 2048;

/** The kind of resource an element's resid must point at. */
function expectedKind(el: XmlElement, parent: XmlElement | null): ResourceKind | null {
  switch (el.local) {
    case 'Image':
      return 'image';
    case 'SourceLocation':
    case 'Runtime':
    case 'FunctionFile':
    case 'LearnMoreUrl':
      return 'url';
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'short string';
    case 'Description':
      return parent?.local === 'Supertip' || parent?.local === 'GetStarted' ? 'long string' : null;
    default:
      return null;
  }
}

/** PNG width and height from the IHDR chunk, or null if the file is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Validates manifest XML text.
 *
 * @example
 * validateManifest(fs.readFileSync('manifest.xml', 'utf8'), { assetsDir: 'assets' }).errors; // []
 */
export function validateManifest(xml: string, options: ValidateOptions): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const checked: string[] = [];
  const at = (el: XmlElement): string => `line ${el.line}`;

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return { errors: [e instanceof Error ? e.message : String(e)], warnings, checked };
  }
  checked.push('well-formed XML');

  // Root and top-level structure.
  if (root.local !== 'OfficeApp' || root.uri !== NS_APP) errors.push(`the root element must be OfficeApp in ${NS_APP} (got ${root.name} in "${root.uri}")`);
  if (xsiType(root) !== 'TaskPaneApp') errors.push(`OfficeApp must have xsi:type="TaskPaneApp" (got "${xsiType(root) ?? ''}")`);
  let lastIndex = -1;
  for (const c of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(c.local);
    if (index < 0) {
      errors.push(`${at(c)}: unexpected element <${c.name}> in OfficeApp`);
      continue;
    }
    if (c.uri !== NS_APP && c.local !== 'VersionOverrides') errors.push(`${at(c)}: <${c.name}> must be in the OfficeApp namespace`);
    if (index < lastIndex) errors.push(`${at(c)}: <${c.local}> is out of order: OfficeApp's elements must follow the schema order (${TOP_LEVEL_ORDER.join(', ')})`);
    lastIndex = Math.max(lastIndex, index);
  }
  for (const name of REQUIRED_TOP_LEVEL) if (!child(root, name)) errors.push(`<${name}> is missing from OfficeApp`);
  for (const name of TOP_LEVEL_ORDER) if (childrenNamed(root, name).length > 1) errors.push(`<${name}> appears more than once`);
  checked.push('OfficeApp 1.1 task pane structure');

  const id = child(root, 'Id')?.text.trim() ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) errors.push(`<Id> must be a GUID (got "${id}")`);
  const version = child(root, 'Version')?.text.trim() ?? '';
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) errors.push(`<Version> must look like 1.0.0.0 (got "${version}")`);
  const displayName = attr(child(root, 'DisplayName') ?? root, 'DefaultValue') ?? '';
  if (!displayName) errors.push('<DisplayName> needs a DefaultValue');
  if (displayName.length > MAX_SHORT) errors.push(`<DisplayName> is longer than ${MAX_SHORT} characters`);
  const description = attr(child(root, 'Description') ?? root, 'DefaultValue') ?? '';
  if (!description) errors.push('<Description> needs a DefaultValue');
  if (description.length > MAX_LONG) errors.push(`<Description> is longer than ${MAX_LONG} characters (${description.length})`);

  // Host, requirements, permissions.
  const hosts = childrenNamed(child(root, 'Hosts'), 'Host').map((h) => attr(h, 'Name'));
  if (hosts.length !== 1 || hosts[0] !== 'Workbook') errors.push(`<Hosts> must list the Workbook host only (got ${hosts.map((h) => `"${h}"`).join(', ') || 'none'})`);
  const sets = new Map<string, string>();
  for (const s of childrenNamed(child(child(root, 'Requirements'), 'Sets'), 'Set')) sets.set(attr(s, 'Name') ?? '', attr(s, 'MinVersion') ?? '');
  for (const required of ['SharedRuntime', 'CustomFunctionsRuntime']) {
    if (!sets.has(required)) errors.push(`<Requirements> must include the ${required} requirement set`);
  }
  // CustomFunctions.Error (every KENT error message) is in CustomFunctionsRuntime 1.2.
  const cfVersion = Number(sets.get('CustomFunctionsRuntime') ?? '0');
  if (sets.has('CustomFunctionsRuntime') && !(cfVersion >= 1.2)) {
    errors.push(`<Requirements> must ask for CustomFunctionsRuntime 1.2 or later: the functions return CustomFunctions.Error (got "${sets.get('CustomFunctionsRuntime')}")`);
  }
  const permissions = child(root, 'Permissions')?.text.trim();
  if (permissions !== 'ReadWriteDocument') errors.push(`<Permissions> must be ReadWriteDocument, no more and no less (got "${permissions ?? ''}")`);
  checked.push('Workbook host, requirement sets, ReadWriteDocument permission');

  // Resources.
  const overrides = child(root, 'VersionOverrides');
  const resources = new Map<string, Resource>();
  const resourcesEl = child(overrides, 'Resources');
  const addResources = (group: string, item: string, kind: ResourceKind): void => {
    for (const el of childrenNamed(child(resourcesEl, group), item)) {
      const rid = attr(el, 'id') ?? '';
      const value = attr(el, 'DefaultValue') ?? '';
      if (el.uri !== NS_BT) errors.push(`${at(el)}: <${el.name}> must be in the bt: namespace (${NS_BT})`);
      if (!rid) errors.push(`${at(el)}: a ${kind} resource has no id`);
      if (rid.length > MAX_RESID) errors.push(`${at(el)}: resource id "${rid}" is longer than ${MAX_RESID} characters`);
      if (resources.has(rid)) errors.push(`${at(el)}: resource id "${rid}" is used twice`);
      if (!value) errors.push(`${at(el)}: resource "${rid}" has no DefaultValue`);
      if (kind === 'short string' && value.length > MAX_SHORT) errors.push(`${at(el)}: short string "${rid}" is longer than ${MAX_SHORT} characters`);
      if (kind === 'long string' && value.length > MAX_LONG) errors.push(`${at(el)}: long string "${rid}" is longer than ${MAX_LONG} characters`);
      if ((kind === 'url' || kind === 'image') && value.length > MAX_URL) errors.push(`${at(el)}: URL "${rid}" is longer than ${MAX_URL} characters`);
      resources.set(rid, { id: rid, kind, value, line: el.line });
    }
  };
  if (!overrides) {
    errors.push('<VersionOverrides> is missing: the custom functions, shared runtime and ribbon button live there');
  } else {
    if (overrides.uri !== NS_OVERRIDES) errors.push(`<VersionOverrides> must be in ${NS_OVERRIDES}`);
    const vo = xsiType(overrides);
    if (vo !== 'VersionOverridesV1_0' && vo !== 'VersionOverridesV1_1') errors.push(`<VersionOverrides> must have xsi:type VersionOverridesV1_0 or VersionOverridesV1_1 (got "${vo ?? ''}")`);
    if (!resourcesEl) errors.push('<Resources> is missing from VersionOverrides');
  }
  addResources('Images', 'Image', 'image');
  addResources('Urls', 'Url', 'url');
  addResources('ShortStrings', 'String', 'short string');
  addResources('LongStrings', 'String', 'long string');

  // Every resid resolves, to the right kind.
  const used = new Set<string>();
  if (overrides) {
    for (const { el, parent } of walk(overrides)) {
      if (parent?.local === 'Images' || parent?.local === 'Urls' || parent?.local === 'ShortStrings' || parent?.local === 'LongStrings') continue;
      const rid = attr(el, 'resid');
      if (rid === undefined) continue;
      used.add(rid);
      const resource = resources.get(rid);
      if (!resource) {
        errors.push(`${at(el)}: <${el.local} resid="${rid}"> does not match any resource`);
        continue;
      }
      const kind = expectedKind(el, parent);
      if (kind && kind !== resource.kind) errors.push(`${at(el)}: <${el.local} resid="${rid}"> must point at a ${kind}, but "${rid}" is a ${resource.kind}`);
    }
  }
  for (const r of resources.values()) if (!used.has(r.id)) warnings.push(`line ${r.line}: resource "${r.id}" is never used`);
  checked.push(`${used.size} resource references`);

  // Custom functions and the shared runtime.
  const host = childrenNamed(child(overrides, 'Hosts'), 'Host');
  if (host.length !== 1 || xsiType(host[0]) !== 'Workbook') errors.push('VersionOverrides must have exactly one Host, of xsi:type "Workbook"');
  const workbook = host[0];
  const functionsPoint = childrenNamed(child(workbook, 'AllFormFactors'), 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions');
  const residOf = (el: XmlElement | undefined): string | undefined => (el ? attr(el, 'resid') : undefined);
  let pageResid: string | undefined;
  if (!functionsPoint) {
    errors.push('there is no <ExtensionPoint xsi:type="CustomFunctions"> under AllFormFactors');
  } else {
    const scriptResid = residOf(child(child(functionsPoint, 'Script'), 'SourceLocation'));
    pageResid = residOf(child(child(functionsPoint, 'Page'), 'SourceLocation'));
    const metadataResid = residOf(child(child(functionsPoint, 'Metadata'), 'SourceLocation'));
    const namespaceResid = residOf(child(functionsPoint, 'Namespace'));
    if (!scriptResid) errors.push('the CustomFunctions extension point needs Script/SourceLocation');
    if (!pageResid) errors.push('the CustomFunctions extension point needs Page/SourceLocation');
    if (!metadataResid) errors.push('the CustomFunctions extension point needs Metadata/SourceLocation');
    if (!namespaceResid) errors.push('the CustomFunctions extension point needs a Namespace');
    const scriptUrl = scriptResid ? resources.get(scriptResid)?.value : undefined;
    const metadataUrl = metadataResid ? resources.get(metadataResid)?.value : undefined;
    if (scriptUrl && !/\.js$/.test(new URL(scriptUrl, 'https://x/').pathname)) errors.push(`the functions script URL should end in .js (got ${scriptUrl})`);
    if (metadataUrl && !/\.json$/.test(new URL(metadataUrl, 'https://x/').pathname)) errors.push(`the functions metadata URL should end in .json (got ${metadataUrl})`);
    const ns = namespaceResid ? resources.get(namespaceResid)?.value : undefined;
    if (ns !== undefined) {
      const development = /\(dev\)\s*$/.test(displayName);
      const expected = options.namespace ?? (development ? 'KENTDEV' : 'KENT');
      if (ns !== expected) {
        errors.push(
          options.namespace
            ? `the functions namespace must be ${expected} (got "${ns}")`
            : `the functions namespace must be ${expected} for "${displayName}" (got "${ns}"): KENT for the release, KENTDEV for the "(dev)" copy`,
        );
      }
      if (!/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(ns)) errors.push(`the functions namespace "${ns}" must be letters and digits, at most 32`);
    }
  }
  checked.push('custom functions extension point and namespace');

  const runtimes = childrenNamed(child(workbook, 'Runtimes'), 'Runtime');
  if (runtimes.length !== 1) {
    errors.push(`there must be exactly one <Runtime> (shared runtime), found ${runtimes.length}`);
  } else {
    const runtime = runtimes[0];
    if (attr(runtime, 'lifetime') !== 'long') errors.push('the shared <Runtime> must have lifetime="long"');
    const runtimeResid = attr(runtime, 'resid');
    if (pageResid && runtimeResid !== pageResid) {
      errors.push(`shared runtime: <Runtime resid="${runtimeResid ?? ''}"> must equal the CustomFunctions Page resid "${pageResid}"`);
    }
    const desktop = child(workbook, 'DesktopFormFactor');
    const functionFile = residOf(child(desktop, 'FunctionFile'));
    if (functionFile !== undefined && functionFile !== runtimeResid) errors.push(`shared runtime: <FunctionFile resid="${functionFile}"> must equal the Runtime resid "${runtimeResid ?? ''}"`);
    let buttons = 0;
    if (desktop) {
      for (const { el } of walk(desktop)) {
        if (el.local !== 'Action' || xsiType(el) !== 'ShowTaskpane') continue;
        buttons++;
        const source = residOf(child(el, 'SourceLocation'));
        if (source !== runtimeResid) errors.push(`${at(el)}: shared runtime: the task pane button's SourceLocation resid "${source ?? ''}" must equal the Runtime resid "${runtimeResid ?? ''}"`);
        if (!child(el, 'TaskpaneId')) warnings.push(`${at(el)}: the ShowTaskpane action has no TaskpaneId`);
      }
    }
    if (buttons === 0) errors.push('there is no button that shows the task pane (Action xsi:type="ShowTaskpane")');
    const homeTab = desktop ? [...walk(desktop)].some(({ el }) => el.local === 'OfficeTab' && attr(el, 'id') === 'TabHome') : false;
    if (!homeTab) errors.push('the task pane button must be on the Home tab (<OfficeTab id="TabHome">)');
    const runtimeUrl = runtimeResid ? resources.get(runtimeResid)?.value : undefined;
    const defaultSource = attr(child(child(root, 'DefaultSettings'), 'SourceLocation') ?? root, 'DefaultValue');
    if (runtimeUrl && defaultSource && defaultSource !== runtimeUrl) {
      errors.push(`DefaultSettings/SourceLocation (${defaultSource}) must be the task pane URL the runtime uses (${runtimeUrl})`);
    }
  }
  const ids = new Map<string, number>();
  for (const { el } of walk(root)) {
    if ((el.local === 'Group' || el.local === 'Control') && attr(el, 'id')) {
      const cid = attr(el, 'id') as string;
      if (ids.has(cid)) errors.push(`${at(el)}: control id "${cid}" is used twice`);
      ids.set(cid, el.line);
    }
  }
  checked.push('shared runtime (Runtime = Page = FunctionFile = task pane button)');

  // URLs: https, one origin.
  const urls: { where: string; value: string }[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(root, name);
    const v = el ? attr(el, 'DefaultValue') : undefined;
    if (v !== undefined) urls.push({ where: `<${name}>`, value: v });
  }
  const defaultSourceEl = child(child(root, 'DefaultSettings'), 'SourceLocation');
  const defaultSourceUrl = defaultSourceEl ? attr(defaultSourceEl, 'DefaultValue') : undefined;
  if (defaultSourceUrl === undefined) errors.push('<DefaultSettings> needs a SourceLocation');
  else urls.push({ where: '<DefaultSettings><SourceLocation>', value: defaultSourceUrl });
  for (const r of resources.values()) if (r.kind === 'url' || r.kind === 'image') urls.push({ where: `resource "${r.id}"`, value: r.value });
  for (const { el } of walk(root)) {
    if (el.local === 'Override' && attr(el, 'Value') !== undefined) urls.push({ where: `line ${el.line} <Override>`, value: attr(el, 'Value') as string });
  }
  const origins = new Set<string>();
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u.value);
    } catch {
      if (u.where.includes('Override')) continue; // string overrides are not URLs
      errors.push(`${u.where}: "${u.value}" is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`${u.where}: ${u.value} must use https`);
    origins.add(parsed.origin);
  }
  if (origins.size > 1) errors.push(`all URLs must be on one origin (the add-in's own); found ${[...origins].join(', ')}`);
  checked.push(`${urls.length} URLs on https, one origin`);

  // Icons: PNGs in assets/ of the declared size.
  const icons: { where: string; url: string; size: number }[] = [];
  const iconUrl = attr(child(root, 'IconUrl') ?? root, 'DefaultValue');
  if (iconUrl && child(root, 'IconUrl')) icons.push({ where: '<IconUrl>', url: iconUrl, size: 32 });
  const hiRes = attr(child(root, 'HighResolutionIconUrl') ?? root, 'DefaultValue');
  if (hiRes && child(root, 'HighResolutionIconUrl')) icons.push({ where: '<HighResolutionIconUrl>', url: hiRes, size: 64 });
  if (overrides) {
    for (const { el, parent } of walk(overrides)) {
      if (el.local !== 'Image' || parent?.local === 'Images') continue;
      const r = resources.get(attr(el, 'resid') ?? '');
      const size = Number(attr(el, 'size'));
      if (!Number.isInteger(size) || size <= 0) errors.push(`${at(el)}: <bt:Image> needs a size in pixels`);
      if (r) icons.push({ where: `${at(el)} image "${r.id}"`, url: r.value, size });
    }
  }
  const seen = new Set<string>();
  for (const icon of icons) {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(icon.url).pathname);
    } catch {
      continue; // reported with the URLs
    }
    const marker = pathname.lastIndexOf('/assets/');
    if (marker < 0) {
      errors.push(`${icon.where}: ${icon.url} is not in assets/`);
      continue;
    }
    const relative = pathname.slice(marker + '/assets/'.length);
    const file = path.join(options.assetsDir, ...relative.split('/'));
    if (!fs.existsSync(file)) {
      errors.push(`${icon.where}: ${icon.url} has no file ${path.relative(process.cwd(), file) || file}`);
      continue;
    }
    const dims = pngSize(fs.readFileSync(file));
    if (!dims) errors.push(`${icon.where}: ${relative} is not a PNG`);
    else if (Number.isInteger(icon.size) && (dims.width !== icon.size || dims.height !== icon.size)) {
      errors.push(`${icon.where}: ${relative} is ${dims.width}x${dims.height} but is declared as ${icon.size}x${icon.size}`);
    }
    seen.add(relative);
  }
  checked.push(`${seen.size} icons in assets/`);

  return { errors, warnings, checked };
}

function main(argv: readonly string[]): number {
  const args = [...argv];
  let manifestPath = 'manifest.xml';
  let assetsDir: string | undefined;
  let namespace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--assets') assetsDir = args[++i];
    else if (args[i] === '--namespace') namespace = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log('Usage: tsx src/tools/validate-manifest.ts [manifest.xml] [--assets <dir>] [--namespace <NAME>]');
      return 0;
    } else manifestPath = args[i];
  }
  let xml: string;
  try {
    xml = fs.readFileSync(manifestPath, 'utf8');
  } catch (e) {
    console.error(`Cannot read ${manifestPath}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const result = validateManifest(xml, { assetsDir: assetsDir ?? path.join(path.dirname(path.resolve(manifestPath)), 'assets'), namespace });
  for (const w of result.warnings) console.warn(`warning: ${w}`);
  if (result.errors.length > 0) {
    console.error(`${manifestPath} is not valid (${result.errors.length} ${result.errors.length === 1 ? 'problem' : 'problems'}):`);
    for (const e of result.errors) console.error(`  - ${e}`);
    return 1;
  }
  console.log(`${manifestPath} is valid: ${result.checked.join('; ')}.`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
