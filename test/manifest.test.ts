/**
 * @jest-environment jsdom
 */
// manifest.xml, offline (office-addin-manifest validate needs the internet and ships no XSDs): a
// well-formed XML add-in-only manifest whose elements are in the schema's order, with the required
// parts (TaskPaneApp, Excel workbook host, ExcelApi 1.7, ReadWriteDocument, zh-CN + en-US, the
// 创先争优 ribbon group with 台账助手 / 校验台账 / 考评表彰), every resid defined, every URL under
// the build's base URL, and icons of the right pixel sizes.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { addinSettings, DEV_BASE_URL, normalizeBaseUrl, renderManifest } from "../scripts/addin-config.cjs";

const ROOT = join(__dirname, "..");
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest.xml is not well-formed: ${err.textContent}`);
  return doc;
}

const kids = (el: Element) => [...el.children];
const names = (el: Element) => kids(el).map((c) => c.localName);
function child(el: Element, name: string): Element {
  const c = kids(el).find((x) => x.localName === name);
  if (!c) throw new Error(`<${el.localName}> has no <${name}>`);
  return c;
}
const all = (doc: Document, name: string) => [...doc.getElementsByTagNameNS("*", name)];

/** Children appear in this relative order (the XSD sequence); unknown children fail. */
function expectOrder(el: Element, sequence: string[]) {
  const got = names(el);
  for (const n of got) expect(sequence).toContain(n);
  const positions = got.map((n) => sequence.indexOf(n));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

// Sequences of the Office add-in manifest schema (offappmanifest 1.1, TaskPaneAppVersionOverrides 1.0).
const OFFICE_APP = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const VERSION_OVERRIDES = ["Description", "Requirements", "Hosts", "Resources"];
const DESKTOP_FORM_FACTOR = ["GetStarted", "FunctionFile", "ExtensionPoint"];
const CUSTOM_TAB = ["Group", "Label", "InsertAfter", "InsertBefore"];
const GROUP = ["Label", "Icon", "Control"];
const CONTROL = ["Label", "Supertip", "Icon", "Action"];
const RESOURCES = ["Images", "Urls", "ShortStrings", "LongStrings"];

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every URL in attribute values and text (comments excluded). */
function urlsOf(doc: Document): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const a of [...el.attributes])
      if (/^https?:/i.test(a.value) && !a.name.startsWith("xmlns")) out.push(a.value);
    for (const n of [...el.childNodes])
      if (n.nodeType === 3 && /^\s*https?:/i.test(n.textContent ?? "")) out.push(n.textContent!.trim());
    kids(el).forEach(walk);
  };
  walk(doc.documentElement);
  return out;
}

describe("manifest.xml", () => {
  const doc = parse(SOURCE);
  const app = doc.documentElement;

  test("the well-formedness check rejects broken XML", () => {
    expect(() => parse("<OfficeApp><Id></OfficeApp>")).toThrow(/not well-formed/);
  });

  test("an add-in-only TaskPaneApp manifest, elements in schema order", () => {
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    expectOrder(app, OFFICE_APP);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"])
      expect(names(app)).toContain(required);
    expect(child(app, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(child(app, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("Excel workbook host, ExcelApi 1.7 minimum, ReadWriteDocument", () => {
    expect(kids(child(app, "Hosts")).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const sets = child(child(app, "Requirements"), "Sets");
    const excel = kids(sets).find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(excel?.getAttribute("MinVersion")).toBe("1.7");
    expect(child(app, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(child(child(app, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toMatch(
      /\/taskpane\.html$/,
    );
  });

  test("zh-CN by default with en-US overrides", () => {
    expect(child(app, "DefaultLocale").textContent).toBe("zh-CN");
    for (const n of ["DisplayName", "Description"]) {
      const el = child(app, n);
      expect(el.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      expect(child(el, "Override").getAttribute("Locale")).toBe("en-US");
    }
    for (const s of [...doc.getElementsByTagNameNS(BT, "String")]) {
      const o = kids(s).find((x) => x.localName === "Override");
      expect(o?.getAttribute("Locale")).toBe("en-US");
    }
  });

  test("ribbon: a 创先争优 group with 台账助手 (pane), 校验台账 and 考评表彰 (function commands)", () => {
    const vo = child(app, "VersionOverrides");
    expect(vo.namespaceURI).toBe(OV);
    expect(vo.getAttributeNS(XSI, "type")).toBe("VersionOverridesV1_0");
    expectOrder(vo, VERSION_OVERRIDES);
    const host = child(child(vo, "Hosts"), "Host");
    expect(host.getAttributeNS(XSI, "type")).toBe("Workbook");
    const dff = child(host, "DesktopFormFactor");
    expectOrder(dff, DESKTOP_FORM_FACTOR);
    const tab = child(child(dff, "ExtensionPoint"), "CustomTab");
    expectOrder(tab, CUSTOM_TAB);
    const group = child(tab, "Group");
    expectOrder(group, GROUP);
    expectOrder(child(vo, "Resources"), RESOURCES);

    const text = (resid: string | null) => {
      const s = all(doc, "String").find((x) => x.getAttribute("id") === resid);
      return s?.getAttribute("DefaultValue");
    };
    expect(text(child(group, "Label").getAttribute("resid"))).toBe("创先争优");
    const controls = kids(group).filter((c) => c.localName === "Control");
    for (const c of controls) expectOrder(c, CONTROL);
    const summary = controls.map((c) => {
      const action = child(c, "Action");
      return [
        text(child(c, "Label").getAttribute("resid")),
        action.getAttributeNS(XSI, "type"),
        action.getAttributeNS(XSI, "type") === "ExecuteFunction"
          ? child(action, "FunctionName").textContent
          : "",
      ];
    });
    expect(summary).toEqual([
      ["台账助手", "ShowTaskpane", ""],
      ["校验台账", "ExecuteFunction", "validateLedger"],
      ["考评表彰", "ExecuteFunction", "evaluateLedger"],
    ]);
    expect(readFileSync(join(ROOT, "src/commands/commands.ts"), "utf8")).toMatch(
      /validateLedger:[\s\S]*evaluateLedger:/,
    );
  });

  test("every resid is defined once, ids are ≤ 32 characters, strings within their limits", () => {
    const defined = new Map<string, Element>();
    for (const el of [...all(doc, "Image"), ...all(doc, "Url"), ...all(doc, "String")]) {
      const id = el.getAttribute("id");
      if (!id) continue; // <bt:Image size resid> references
      expect(defined.has(id)).toBe(false);
      expect(id.length).toBeLessThanOrEqual(32);
      defined.set(id, el);
    }
    const refs = [...doc.getElementsByTagNameNS("*", "*")]
      .map((e) => e.getAttribute("resid"))
      .filter(Boolean);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(defined.has(r!)).toBe(true);
    for (const s of doc.getElementsByTagNameNS(BT, "ShortStrings")[0].children)
      expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    for (const s of doc.getElementsByTagNameNS(BT, "LongStrings")[0].children)
      expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
  });

  test("icons: 16/20/24/32/40/48/64/80 on every ribbon control, 32/64 for the add-in, files of those pixel sizes", () => {
    const icons = urlsOf(doc).filter((u) => u.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const url of icons) {
      const m = /\/assets\/icon-(\d+)\.png$/.exec(url);
      expect(m).not.toBeNull();
      const file = join(ROOT, "assets", "icons", `icon-${m![1]}.png`);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: Number(m![1]), height: Number(m![1]) });
    }
    for (const img of doc.getElementsByTagNameNS(BT, "Image")) {
      const size = img.getAttribute("size");
      if (!size) continue;
      const def = all(doc, "Image").find((x) => x.getAttribute("id") === img.getAttribute("resid"));
      expect(def?.getAttribute("DefaultValue")).toMatch(new RegExp(`icon-${size}\\.png$`));
    }
    // every control offers all the sizes Office picks from at 100–250 % scaling (16/32/80 required)
    for (const icon of all(doc, "Icon"))
      expect(
        [...icon.getElementsByTagNameNS(BT, "Image")].map((x) => Number(x.getAttribute("size"))),
      ).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80])
      expect(pngSize(join(ROOT, "assets", "icons", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
  });

  test("every URL starts with the dev base URL in the source", () => {
    const urls = urlsOf(doc);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(`${DEV_BASE_URL}/`)).toBe(true);
  });
});

describe("the manifest the build writes (PL_BASE_URL)", () => {
  test.each([
    "https://ledger.example.gov.cn/pioneer",
    "https://10.12.0.8:8443/addins/pioneer-ledger/",
    addinSettings(process.env).baseUrl,
  ])("every URL starts with %s and nothing else changes", (base) => {
    const out = renderManifest(SOURCE, base);
    const doc = parse(out);
    const b = normalizeBaseUrl(base);
    const urls = urlsOf(doc);
    expect(urls.length).toBe(urlsOf(parse(SOURCE)).length);
    for (const u of urls) expect(u.startsWith(`${b}/`)).toBe(true);
    expect(out.split(b).join(DEV_BASE_URL)).toBe(SOURCE.split(b).join(DEV_BASE_URL));
  });

  test("only https base URLs are accepted", () => {
    expect(() => normalizeBaseUrl("http://ledger.example.gov.cn")).toThrow(/https/);
    expect(() => normalizeBaseUrl("not a url")).toThrow();
    expect(normalizeBaseUrl("https://a.example/x/")).toBe("https://a.example/x");
  });

  test("dist/manifest.xml is the rendered manifest for its base URL (built here when absent)", () => {
    const built = join(ROOT, "dist", "manifest.xml");
    if (!existsSync(built)) buildAddin(built);
    const xml = readFileSync(built, "utf8");
    const m = /<SourceLocation DefaultValue="(.*)\/taskpane\.html"/.exec(xml);
    if (!m) throw new Error(`${built} has no <SourceLocation DefaultValue=".../taskpane.html">`);
    const base = m[1];
    expect(xml).toBe(renderManifest(SOURCE, base));
    for (const u of urlsOf(parse(xml))) expect(u.startsWith(`${base}/`)).toBe(true);
  }, 300_000);
});

/** `npm test` builds the add-in before jest; a lone run of this file builds it itself, or says why not. */
function buildAddin(built: string): void {
  const r = spawnSync("npm", ["run", "build:addin"], { cwd: ROOT, encoding: "utf8", timeout: 280_000 });
  if (r.status !== 0)
    throw new Error(
      `${built} is missing and \`npm run build:addin\` failed (${r.error?.message ?? `exit ${r.status}`}):\n` +
        `${r.stderr ?? ""}${r.stdout ?? ""}`.slice(-4000),
    );
  if (!existsSync(built)) throw new Error(`\`npm run build:addin\` succeeded but wrote no ${built}`);
}
