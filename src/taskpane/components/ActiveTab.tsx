// The panel of the selected tab, wired to the session: what each tab shows and the runs it starts.
import type { Lang } from "../../i18n/text";
import type { Settings } from "../../app/settings";
import type { LedgerSession } from "../session/useLedgerSession";
import { CompileTab } from "./CompileTab";
import { EvaluateTab } from "./EvaluateTab";
import { OverviewTab } from "./OverviewTab";
import { SettingsTab } from "./SettingsTab";
import { ValidateTab } from "./ValidateTab";
import type { TabId } from "./PaneTabs";

export interface ActiveTabProps {
  tab: TabId;
  lang: Lang;
  session: LedgerSession;
  settings: Settings;
  onSettingsChange: (s: Settings) => void;
}

export function ActiveTab({ tab, lang, session, settings, onSettingsChange }: ActiveTabProps) {
  const { state, busy, actions: a } = session;
  switch (tab) {
    case "overview":
      return (
        <OverviewTab
          lang={lang}
          analysis={state.reading?.analysis ?? null}
          busy={busy}
          asOf={state.asOf}
          onAsOfChange={a.setAsOf}
          onAddTemplate={a.addTemplate}
          onReread={a.read}
        />
      );
    case "validate":
      return (
        <ValidateTab
          lang={lang}
          busy={busy}
          result={state.checked ? state.reading : null}
          onValidate={a.validate}
          onSelectCell={a.selectCell}
          onHighlight={a.highlight}
          onClearHighlights={a.clearHighlights}
          onApplyFixes={a.applyFixes}
          onWriteFindings={a.writeFindings}
        />
      );
    case "evaluate":
      return (
        <EvaluateTab
          lang={lang}
          busy={busy}
          rules={state.reading?.rules ?? null}
          result={state.evaluation}
          onInsertRules={a.insertRules}
          onEvaluate={a.evaluate}
          onActivateSheet={a.activateSheet}
        />
      );
    case "settings":
      return <SettingsTab settings={settings} onChange={onSettingsChange} />;
    case "compile":
      return (
        <CompileTab
          lang={lang}
          busy={busy}
          compile={state.compile}
          onFiles={a.compileFiles}
          onWriteDistrict={a.writeDistrict}
          onDownloadNotices={a.downloadNotices}
          onActivateSheet={a.activateSheet}
        />
      );
  }
}
