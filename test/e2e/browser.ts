// What every end-to-end test starts with: the built pane served on 127.0.0.1 (scripts/preview-server)
// and Debian's Chromium, headless, without background traffic. `npx playwright install` cannot work
// here, so the system Chromium is used (PL_CHROMIUM overrides its path).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { startPreviewServer } from "../../scripts/preview-server.cjs";

export const CHROMIUM = process.env.PL_CHROMIUM ?? "/usr/bin/chromium";
export const SHOTS = join(__dirname, "screenshots");

export interface PreviewRig {
  browser: Browser;
  server: { url: string; close: () => Promise<void> };
}

export async function startRig(): Promise<PreviewRig> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-wqy-microhei (see .ci/run)`);
  const server = await startPreviewServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
  return { browser, server };
}

export async function stopRig(rig: PreviewRig | undefined): Promise<void> {
  await rig?.browser.close();
  await rig?.server.close();
}

/**
 * A context at pane width, in zh-CN, with downloads on and the network closed: only the preview
 * server answers; any other request is recorded in `blocked` and aborted (it would hang or leak).
 */
export async function closedContext(
  rig: PreviewRig,
  width: number,
  blocked: string[],
): Promise<BrowserContext> {
  const context = await rig.browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(rig.server.url) || url.startsWith("blob:") || url.startsWith("data:"))
      return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return context;
}

/** The district sample (≈ 205k rows) written by the CLI (`sample --size district`) into a new temporary folder. */
export function writeDistrictSample(prefix: string): string {
  const file = join(mkdtempSync(join(tmpdir(), prefix)), "district.xlsx");
  const cli = join(__dirname, "..", "..", "bin", "pioneer-ledger.js");
  execFileSync(process.execPath, [cli, "sample", "--size", "district", "-o", file]);
  return file;
}
