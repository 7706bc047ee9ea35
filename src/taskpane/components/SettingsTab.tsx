// 设置: language (中文 / English), highlight colour, which result sheets to write.
import { Checkbox, Field, Label, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import { LANG_NAMES } from "../../i18n/text";
import { HIGHLIGHT_COLORS, PANE_RESULT_SHEETS, type Settings } from "../../app/settings";
import { useTabStyles } from "./styles";

const useStyles = makeStyles({
  swatches: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  swatch: {
    width: "28px",
    height: "28px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    cursor: "pointer",
    padding: 0,
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "2px" },
  color: { width: "36px", height: "30px", padding: 0, border: "none", background: "none" },
  sheets: { display: "flex", flexDirection: "column" },
});

export function SettingsTab(props: { settings: Settings; onChange: (s: Settings) => void }) {
  const s = useStyles();
  const ts = useTabStyles();
  const { settings, onChange } = props;
  const lang = settings.lang;
  const toggleSheet = (name: string, on: boolean) =>
    onChange({
      ...settings,
      resultSheets: PANE_RESULT_SHEETS.filter((n) => (n === name ? on : settings.resultSheets.includes(n))),
    });
  return (
    <div className={ts.tab}>
      <Field label={t(lang, "language")}>
        <RadioGroup
          layout="horizontal"
          value={settings.lang}
          onChange={(_, d) => onChange({ ...settings, lang: d.value === "en" ? "en" : "zh-CN" })}
        >
          <Radio value="zh-CN" label={LANG_NAMES["zh-CN"]} />
          <Radio value="en" label={LANG_NAMES.en} />
        </RadioGroup>
      </Field>
      <div className={s.sheets}>
        <Label id="pl-highlight">{t(lang, "highlightColor")}</Label>
        <div className={s.swatches} role="radiogroup" aria-labelledby="pl-highlight">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={settings.highlightColor.toUpperCase() === c}
              aria-label={c}
              className={`${s.swatch} ${settings.highlightColor.toUpperCase() === c ? s.selected : ""}`}
              style={{ backgroundColor: c }}
              onClick={() => onChange({ ...settings, highlightColor: c })}
            />
          ))}
          <input
            className={s.color}
            type="color"
            aria-label={`${t(lang, "highlightColor")} …`}
            value={settings.highlightColor}
            onChange={(e) => onChange({ ...settings, highlightColor: e.target.value.toUpperCase() })}
          />
        </div>
      </div>
      {/* Not a Field: a Field would name every checkbox after its own label. */}
      <div className={s.sheets} role="group" aria-labelledby="pl-result-sheets">
        <Label id="pl-result-sheets">{t(lang, "resultSheets")}</Label>
        {PANE_RESULT_SHEETS.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={settings.resultSheets.includes(name)}
            onChange={(_, d) => toggleSheet(name, d.checked === true)}
          />
        ))}
      </div>
    </div>
  );
}
