// The task pane: header, (browser preview banner), tabs 概况 · 校验 · 考评表彰 · 汇总报送 · 设置, the
// progress of the current run and the outcome of the last. All workbook work goes through the
// services over a LedgerHost (props), so Excel, browser preview and the tests share this component.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Caption1,
  FluentProvider,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { analyze } from "../../engine/analyze";
import { parseISO } from "../../engine/dates";
import { summarize, type Finding } from "../../engine/findings";
import type { Grid } from "../../engine/grid";
import type { CellFix, CellRef, LedgerHost, HostNote } from "../../hosts/host";
import type { HostKind, ThemeName } from "../../app/env";
import type { PaneMessage } from "../../app/errors";
import { t } from "../../app/i18n";
import type { Job, JobRun } from "../../app/job";
import { evaluateJob, type EvaluateResult } from "../../app/jobs/evaluate";
import { applyFixesJob } from "../../app/jobs/fixes";
import { clearHighlightsJob, highlightJob } from "../../app/jobs/highlights";
import { activateSheetJob, selectCellJob } from "../../app/jobs/navigate";
import { addTemplateJob, insertRulesJob } from "../../app/jobs/template";
import { validateJob, type ValidateResult } from "../../app/jobs/validate";
import { writeFindingsJob } from "../../app/jobs/write-findings";
import type { PreviewActions, PreviewSession } from "../../app/preview-session";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";
import { downloadBytes, resultFileName } from "../preview/download";
import { EvaluateTab } from "./EvaluateTab";
import { Header } from "./Header";
import { OverviewTab } from "./OverviewTab";
import { PreviewBanner } from "./PreviewBanner";
import { RunMessage, RunProgress } from "./RunStatus";
import { SettingsTab } from "./SettingsTab";
import { SheetViewer } from "./SheetViewer";
import { useRunner } from "./useRunner";
import { ValidateTab } from "./ValidateTab";

type TabId = "overview" | "validate" | "evaluate" | "compile" | "settings";
const TAB_LABEL = {
  overview: "tabOverview",
  validate: "tabValidate",
  evaluate: "tabEvaluate",
  compile: "tabCompile",
  settings: "tabSettings",
} as const;

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
  status: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  note: { color: tokens.colorNeutralForeground3, paddingTop: tokens.spacingVerticalM },
  notes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
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

interface ViewerState {
  sheets: Grid[];
  date1904: boolean;
  active: string | null;
  cell?: string;
}

/** In preview, activating a sheet or selecting a cell also shows it in the read-only grid. */
function withViewer(h: LedgerHost, onShow: (sheet: string, cell?: string) => void): LedgerHost {
  return {
    capabilities: () => h.capabilities(),
    readWorkbook: (o) => h.readWorkbook(o),
    writeSheets: (m, o) => h.writeSheets(m, o),
    addMissingSheets: (m, o) => h.addMissingSheets(m, o),
    highlightCells: (r, c, o) => h.highlightCells(r, c, o),
    clearHighlights: (o) => h.clearHighlights(o),
    applyFixes: (f, o) => h.applyFixes(f, o),
    selectCell: async (ref) => {
      await h.selectCell(ref);
      onShow(ref.sheet, ref.cell);
    },
    activateSheet: async (name) => {
      await h.activateSheet(name);
      onShow(name);
    },
  };
}

export function App(props: AppProps) {
  const s = useStyles();
  const [settings, setSettingsState] = useState<Settings>(props.initialSettings ?? DEFAULT_SETTINGS);
  const lang = settings.lang;
  const runner = useRunner(lang, props.initialMessage);
  const { run, setMessage } = runner;
  const [tab, setTab] = useState<TabId>("overview");
  const [session, setSession] = useState<PreviewSession | null>(null);
  const [read, setRead] = useState<ValidateResult | null>(null);
  const [checked, setChecked] = useState<ValidateResult | null>(null);
  const [evaluated, setEvaluated] = useState<EvaluateResult | null>(null);
  const [asOf, setAsOf] = useState("");
  const [viewer, setViewer] = useState<ViewerState>({ sheets: [], date1904: false, active: null });
  const [systemDark, setSystemDark] = useState(props.theme === "dark");
  const [notes, setNotes] = useState<HostNote[]>([]);
  const preview = props.kind === "preview";

  const baseHost = props.host ?? session?.host ?? null;
  const host = useMemo(
    () =>
      baseHost && preview
        ? withViewer(baseHost, (sheet, cell) => setViewer((v) => ({ ...v, active: sheet, cell })))
        : baseHost,
    [baseHost, preview],
  );

  // What this Excel cannot do (old requirement sets): a visible note, not an error.
  useEffect(() => {
    if (!baseHost) return;
    let live = true;
    baseHost.capabilities().then(
      (c) => live && setNotes(c.notes),
      (e) => console.warn("capabilities", e),
    );
    return () => {
      live = false;
    };
  }, [baseHost]);

  const setSettings = (next: Settings) => {
    setSettingsState(next);
    props.onSettingsChange?.(next);
  };

  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);

  // Outside Office the theme follows the system's light/dark setting, also when it changes.
  useEffect(() => {
    if (!preview || typeof window === "undefined" || !window.matchMedia) return;
    const mq = window.matchMedia("(prefers-color-scheme: dark)");
    const on = () => setSystemDark(mq.matches);
    mq.addEventListener?.("change", on);
    return () => mq.removeEventListener?.("change", on);
  }, [preview]);

  const showWorkbook = useCallback(
    (r: ValidateResult, active?: string) =>
      setViewer((v) => ({
        sheets: r.workbook.sheets,
        date1904: r.workbook.date1904,
        active: active ?? (r.workbook.sheets.some((g) => g.name === v.active) ? v.active : null),
        cell: active ? undefined : v.cell,
      })),
    [],
  );

  /** After a write in preview: read the in-memory workbook again for the grid. */
  const refreshViewer = async (h: LedgerHost, active?: string) => {
    if (!preview) return;
    const wb = await h.readWorkbook();
    setViewer((v) => ({
      sheets: wb.sheets,
      date1904: wb.date1904,
      active: active ?? v.active,
      cell: undefined,
    }));
  };

  const accept = (r: ValidateResult) => {
    setRead(r);
    if (preview) showWorkbook(r);
  };

  const params = { lang, asOf };

  const readLedger = async (h = host) => {
    if (!h) return;
    const r = await run(validateJob(h, params));
    if (r) accept(r);
  };

  const firstRead = useRef(false);
  useEffect(() => {
    if (firstRead.current) return;
    firstRead.current = true;
    if (preview && props.startWithSample && props.preview) void onLoadSample();
    else if (!preview && host && props.autoRead !== false) void readLedger(host);
  }, []);

  const openSession = async (open: Job<PreviewSession>) => {
    const out = await run(async (o) => {
      const sess = await open(o);
      const r = await validateJob(sess.host, params)(o);
      return { sess, r };
    });
    if (!out) return;
    setSession(out.sess);
    setChecked(null);
    setEvaluated(null);
    setRead(out.r);
    showWorkbook(out.r, out.r.workbook.sheets[0]?.name);
    setMessage({ intent: "success", text: t(lang, "loaded", { name: out.sess.name }) });
  };

  const onOpenFile = (file: File) =>
    openSession(async (o: JobRun) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return props.preview!.openFile({ name: file.name, bytes }, o);
    });
  const onLoadSample = () => openSession((o) => props.preview!.loadSample(o));

  const onDownload = async () => {
    const sess = session;
    if (!sess?.toBytes) return;
    const bytes = await run(() => sess.toBytes!());
    if (bytes) downloadBytes(bytes, resultFileName(sess.name));
  };

  const needHost = (): LedgerHost | null => {
    if (!host) setMessage({ intent: "warning", text: t(lang, "noWorkbook") });
    return host;
  };

  const onValidate = async () => {
    const h = needHost();
    if (!h) return;
    const r = await run(validateJob(h, params));
    if (!r) return;
    accept(r);
    setChecked(r);
  };

  const onAsOfChange = (iso: string) => {
    setAsOf(iso);
    const day = iso ? parseISO(iso) : undefined;
    if (iso && day === undefined) return;
    // Re-check the last reading against the new date (no new read of the workbook).
    const again = (r: ValidateResult | null) => {
      if (!r) return r;
      const analysis = analyze(r.workbook, day === undefined ? {} : { asOf: day });
      return { ...r, analysis, counts: summarize(analysis.findings) };
    };
    setRead(again);
    setChecked(again);
  };

  const onAddTemplate = async () => {
    const h = needHost();
    if (!h) return;
    const out = await run(async (o) => {
      const added = await addTemplateJob(h)(o);
      return { added, r: await validateJob(h, params)(o) };
    });
    if (!out) return;
    accept(out.r);
    await refreshViewer(h);
    setMessage({
      intent: "success",
      text: out.added.length
        ? t(lang, "templateAdded", { names: out.added.join("、") })
        : t(lang, "templateNothing"),
    });
  };

  const onSelectCell = (ref: CellRef) => {
    if (host) void run(selectCellJob(host, ref));
  };
  const onActivateSheet = (name: string) => {
    if (host) void run(activateSheetJob(host, name));
  };

  const onHighlight = async (findings: Finding[]) => {
    const h = needHost();
    if (!h) return;
    const n = await run(highlightJob(h, findings, settings.highlightColor));
    if (n !== undefined) setMessage({ intent: "success", text: t(lang, "marked", { n }) });
  };

  const onClearHighlights = async () => {
    const h = needHost();
    if (!h) return;
    const done = await run(async (o) => {
      await clearHighlightsJob(h)(o);
      return true;
    });
    if (done) setMessage({ intent: "success", text: t(lang, "cleared") });
  };

  const onApplyFixes = async (fixes: CellFix[]) => {
    const h = needHost();
    if (!h || !fixes.length) return;
    const r = await run(async (o) => {
      await applyFixesJob(h, fixes)(o);
      return validateJob(h, params)(o);
    });
    if (!r) return;
    accept(r);
    setChecked(r);
    setMessage({ intent: "success", text: t(lang, "fixesApplied", { n: fixes.length }) });
  };

  const onWriteFindings = async () => {
    const h = needHost();
    const last = checked ?? read;
    if (!h || !last) return;
    const name = await run(writeFindingsJob(h, last.analysis, lang));
    if (!name) return;
    await refreshViewer(h, name);
    setMessage({ intent: "success", text: t(lang, "findingsWritten", { name }) });
  };

  const onInsertRules = async () => {
    const h = needHost();
    if (!h) return;
    const out = await run(async (o) => {
      const added = await insertRulesJob(h)(o);
      return { added, r: await validateJob(h, params)(o) };
    });
    if (!out) return;
    accept(out.r);
    await refreshViewer(h, out.added ? out.r.rules.sheet : undefined);
    setMessage({
      intent: out.added ? "success" : "info",
      text: t(lang, out.added ? "rulesInserted" : "rulesExist"),
    });
  };

  const onEvaluate = async () => {
    const h = needHost();
    if (!h) return;
    const r = await run(evaluateJob(h, { ...params, resultSheets: settings.resultSheets }));
    if (!r) return;
    setRead(r);
    setEvaluated(r);
    await refreshViewer(h, r.written.find((n) => n === "表彰名单") ?? r.written[0]);
    setMessage({ intent: "success", text: t(lang, "evaluated", { n: r.written.length }) });
  };

  const dark = preview ? systemDark : props.theme === "dark";
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={s.provider} lang={lang}>
      <main className={s.root}>
        <Header lang={lang} analysis={read?.analysis ?? null} />
        {notes.length > 0 && (
          <ul className={s.notes} aria-label="notes">
            {notes.map((n) => (
              <li key={n.zh}>{lang === "en" ? n.en : n.zh}</li>
            ))}
          </ul>
        )}
        {preview && (
          <PreviewBanner
            lang={lang}
            busy={runner.busy}
            current={session?.name}
            canDownload={!!session?.toBytes}
            onOpenFile={(f) => void onOpenFile(f)}
            onLoadSample={() => void onLoadSample()}
            onDownload={() => void onDownload()}
          />
        )}
        <TabList
          className={s.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabId)}
        >
          <Tab value="overview">{t(lang, "tabOverview")}</Tab>
          <Tab value="validate">{t(lang, "tabValidate")}</Tab>
          <Tab value="evaluate">{t(lang, "tabEvaluate")}</Tab>
          {/* 汇总报送 is the district compilation (issue 5): shown, not yet usable. */}
          <Tab value="compile" disabled title={t(lang, "compileNote")}>
            {t(lang, "tabCompile")}
          </Tab>
          <Tab value="settings">{t(lang, "tabSettings")}</Tab>
        </TabList>
        {(runner.progress || runner.message) && (
          <div className={s.status}>
            {runner.progress && (
              <RunProgress lang={lang} progress={runner.progress} onCancel={runner.cancel} />
            )}
            {runner.message && (
              <RunMessage lang={lang} message={runner.message} onDismiss={() => setMessage(null)} />
            )}
          </div>
        )}
        <div role="tabpanel" aria-label={t(lang, TAB_LABEL[tab])}>
          {tab === "overview" && (
            <OverviewTab
              lang={lang}
              analysis={read?.analysis ?? null}
              busy={runner.busy}
              asOf={asOf}
              onAsOfChange={onAsOfChange}
              onAddTemplate={() => void onAddTemplate()}
              onReread={() => void readLedger()}
            />
          )}
          {tab === "validate" && (
            <ValidateTab
              lang={lang}
              busy={runner.busy}
              result={checked}
              onValidate={() => void onValidate()}
              onSelectCell={onSelectCell}
              onHighlight={(f) => void onHighlight(f)}
              onClearHighlights={() => void onClearHighlights()}
              onApplyFixes={(f) => void onApplyFixes(f)}
              onWriteFindings={() => void onWriteFindings()}
            />
          )}
          {tab === "evaluate" && (
            <EvaluateTab
              lang={lang}
              busy={runner.busy}
              rules={read?.rules ?? null}
              result={evaluated}
              onInsertRules={() => void onInsertRules()}
              onEvaluate={() => void onEvaluate()}
              onActivateSheet={onActivateSheet}
            />
          )}
          {tab === "settings" && <SettingsTab settings={settings} onChange={setSettings} />}
        </div>
        {tab === "overview" && <Caption1 className={s.note}>{t(lang, "compileNote")}</Caption1>}
        {preview && viewer.sheets.length > 0 && (
          <SheetViewer
            lang={lang}
            sheets={viewer.sheets}
            date1904={viewer.date1904}
            active={viewer.active}
            cell={viewer.cell}
            onActivate={(name) => setViewer((v) => ({ ...v, active: name, cell: undefined }))}
          />
        )}
      </main>
    </FluentProvider>
  );
}
