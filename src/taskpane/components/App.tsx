// The task pane: header, (browser preview banner), tabs 概况 · 校验 · 考评表彰 · 汇总报送 · 设置, the
// progress of the current run and the outcome of the last. All workbook work goes through the ledger
// session (useLedgerSession) over a LedgerHost (props), so Excel, browser preview and the tests share
// this component.
import { useState } from "react";
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { HostKind, ThemeName } from "../../app/env";
import type { PaneMessage } from "../../app/errors";
import { t } from "../../i18n/pane";
import type { PreviewActions } from "../../app/preview-session";
import type { Settings } from "../../app/settings";
import type { LedgerHost } from "../../hosts/host";
import { useHostNotes } from "../hooks/useHostNotes";
import { useDocumentLang, usePaneTheme } from "../hooks/usePaneTheme";
import { useSettings } from "../hooks/useSettings";
import { useLedgerSession, type LedgerSessionOptions } from "../session/useLedgerSession";
import { ActiveTab } from "./ActiveTab";
import { Header } from "./Header";
import { HostNotes } from "./HostNotes";
import { PaneTabs, TAB_LABEL, type TabId } from "./PaneTabs";
import { PreviewBanner } from "./PreviewBanner";
import { RunStatusBar } from "./RunStatus";
import { SheetViewer } from "./SheetViewer";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    boxSizing: "border-box",
  },
});

export interface AppProps {
  kind: HostKind;
  theme: ThemeName;
  /** Excel: the Office host. Browser preview: none until a file or the sample is opened. */
  host?: LedgerHost;
  /** Browser preview: how to open a file or the sample as an in-memory workbook. */
  preview?: PreviewActions;
  initialSettings?: Settings;
  onSettingsChange?: (s: Settings) => void;
  /** Browser preview: load the sample ledger on start (`?sample=1`). */
  startWithSample?: boolean;
  /** Read the workbook on start (Excel). Default true. */
  autoRead?: boolean;
  /** A message to show from the start (e.g. the Office host could not be loaded). */
  initialMessage?: PaneMessage;
}

function firstRunOf(p: AppProps): LedgerSessionOptions["firstRun"] {
  if (p.kind === "preview") return p.startWithSample && p.preview ? "sample" : "none";
  return p.autoRead === false ? "none" : "read";
}

export function App(props: AppProps) {
  const s = useStyles();
  const [settings, setSettings] = useSettings(props.initialSettings, props.onSettingsChange);
  const lang = settings.lang;
  const preview = props.kind === "preview";
  const session = useLedgerSession({
    preview,
    host: props.host,
    previewActions: props.preview,
    settings,
    firstRun: firstRunOf(props),
    initialMessage: props.initialMessage,
  });
  const { state, actions } = session;
  const [tab, setTab] = useState<TabId>("overview");
  const notes = useHostNotes(session.host);
  const dark = usePaneTheme(props.kind, props.theme);
  useDocumentLang(lang);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={s.provider} lang={lang}>
      <main className={s.root}>
        <Header lang={lang} reading={state.reading} />
        <HostNotes lang={lang} notes={notes} />
        {preview && (
          <PreviewBanner
            lang={lang}
            busy={session.busy}
            current={state.preview?.name}
            canDownload={!!state.preview?.toBytes}
            onOpenFile={actions.openFile}
            onLoadSample={actions.loadSample}
            onDownload={actions.download}
          />
        )}
        <PaneTabs lang={lang} tab={tab} onSelect={setTab} />
        <RunStatusBar
          lang={lang}
          progress={state.run?.progress ?? null}
          message={state.message}
          onCancel={actions.cancel}
          onDismiss={actions.dismissMessage}
        />
        <div role="tabpanel" aria-label={t(lang, TAB_LABEL[tab])}>
          <ActiveTab
            tab={tab}
            lang={lang}
            session={session}
            settings={settings}
            onSettingsChange={setSettings}
          />
        </div>
        {preview && state.viewer.workbook && state.viewer.workbook.sheets.length > 0 && (
          <SheetViewer
            lang={lang}
            sheets={state.viewer.workbook.sheets}
            date1904={state.viewer.workbook.date1904}
            active={state.viewer.active}
            cell={state.viewer.cell}
            onActivate={actions.showSheet}
          />
        )}
      </main>
    </FluentProvider>
  );
}
