// Task-pane entry: find out where we run (Excel, or browser preview), load the matching host, render.
import { createRoot } from "react-dom/client";
import type { LedgerHost } from "../hosts/host";
import { detectEnvironment } from "../app/env";
import { describeError, type PaneMessage } from "../app/errors";
import { loadOfficeHost, previewActions } from "../app/hosts";
import { t } from "../i18n/pane";
import { loadSettings, saveSettings } from "../app/settings";
import { App } from "./components/App";

async function main(): Promise<void> {
  // Internet Explorer 11 / legacy Edge: the page's ES5 script shows why nothing else can run here.
  if ((window as { PL_OLD_WEBVIEW?: boolean }).PL_OLD_WEBVIEW) return;
  const env = await detectEnvironment();
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

void main();
