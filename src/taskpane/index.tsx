// Task-pane entry: find out where we run (Excel, or browser preview), load the matching host, render.
import { createRoot } from "react-dom/client";
import type { LedgerHost } from "../hosts/host";
import { detectEnvironment } from "../app/env";
import { describeError, type PaneMessage } from "../app/errors";
import { loadOfficeHost, previewActions } from "../app/hosts";
import { t } from "../i18n/pane";
import type { Lang } from "../i18n/text";
import { loadSettings, saveSettings } from "../app/settings";
import { App } from "./components/App";

async function main(): Promise<void> {
  // Internet Explorer 11 / legacy Edge: the page's ES5 script shows why nothing else can run here.
  if ((window as { PL_OLD_WEBVIEW?: boolean }).PL_OLD_WEBVIEW) return;
  const bootLang: Lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh-CN";
  const env = await detectEnvironment({ onSlow: () => showBoot(t(bootLang, "officeSlow")) });
  if (env.stalled) {
    showBoot(t(bootLang, "officeStalled"), t(bootLang, "retry"));
    return;
  }
  const settings = loadSettings();
  if (env.lang) settings.lang = env.lang;
  let host: LedgerHost | undefined;
  let initialMessage: PaneMessage | undefined;
  if (env.kind === "excel") {
    try {
      host = await loadOfficeHost();
    } catch (e) {
      console.error(e);
      initialMessage = describeError(e, settings.lang);
    }
  }
  const root = document.getElementById("root")!;
  createRoot(root).render(
    <App
      kind={env.kind}
      theme={env.theme}
      host={host}
      preview={env.kind === "preview" ? previewActions : undefined}
      initialSettings={settings}
      onSettingsChange={saveSettings}
      startWithSample={env.sample}
      initialMessage={initialMessage}
    />,
  );
  document.title = t(settings.lang, "appName");
}

/** The loading line (before React): a text, and a button that reloads the page. */
function showBoot(text: string, retry?: string): void {
  const boot = document.getElementById("boot");
  if (!boot) return;
  boot.textContent = text;
  boot.setAttribute("role", "status");
  if (!retry) return;
  const button = document.createElement("button");
  button.textContent = retry;
  button.style.marginLeft = "8px";
  button.onclick = () => location.reload();
  boot.appendChild(button);
}

void main();
