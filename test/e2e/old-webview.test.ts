// End to end in Debian Chromium: the built pages (dist/, `npm run build:addin`) opened with the user
// agents of the webviews old Office shows add-ins in — Internet Explorer 11 (Excel 2019 volume
// licence) and legacy Edge/EdgeHTML (Excel 2019 retail without WebView2) — show the message of the
// pages' ES5 script instead of a pane that hangs on its loading line. A Chromium Edge user agent
// ("Edg/") gets the pane. The network is closed: office.js is requested and blocked.
import type { Browser } from "playwright-core";
import { startRig, stopRig, type PreviewRig } from "./browser";
import { OLD_WEBVIEW } from "../../src/i18n/host";

const USER_AGENTS = {
  "Internet Explorer 11 (Trident)":
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko",
  "legacy Edge (EdgeHTML 18)":
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
};
const CHROMIUM_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";

jest.setTimeout(120_000);

let rig: PreviewRig | undefined;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  rig = await startRig();
  ({ browser, server } = rig);
});

afterAll(async () => {
  await stopRig(rig);
});

async function open(userAgent: string, page: string) {
  const context = await browser.newContext({ userAgent, viewport: { width: 380, height: 700 } });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
  );
  const p = await context.newPage();
  const errors: string[] = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  await p.goto(`${server.url}/${page}`);
  return { page: p, context, errors };
}

describe.each(Object.entries(USER_AGENTS))("%s", (_name, userAgent) => {
  test.each(["taskpane.html", "commands.html", "taskpane.html?office=0&sample=1"])(
    "%s shows «此版本的 Office 无法运行先锋台账…» instead of hanging",
    async (url) => {
      const { page, context, errors } = await open(userAgent, url);
      const alert = page.getByRole("alert");
      await alert.waitFor({ timeout: 10_000 });
      const text = await alert.innerText();
      expect(text.startsWith("此版本的 Office 无法运行先锋台账")).toBe(true);
      expect(text).toContain(OLD_WEBVIEW.body["zh-CN"]);
      expect(text).toContain(OLD_WEBVIEW.body.en);
      for (const what of ["Microsoft 365", "Office 2021", "WebView2", "浏览器预览", "pioneer-ledger"])
        expect(text).toContain(what);
      // the bundle stayed out: no loading line, no pane (it would say 浏览器预览 within a second)
      await page.waitForTimeout(1500);
      expect(await page.getByText("正在加载").isVisible()).toBe(false);
      expect(await page.getByText("浏览器预览：未连接 Excel").count()).toBe(0);
      expect(await page.title()).toBe("此版本的 Office 无法运行先锋台账");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

test("a Chromium Edge (WebView2) user agent gets the pane, not the message", async () => {
  const { page, context, errors } = await open(CHROMIUM_EDGE, "taskpane.html?office=0");
  await page.getByText("浏览器预览：未连接 Excel").waitFor({ timeout: 30_000 });
  expect(await page.locator("#old-webview").count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
