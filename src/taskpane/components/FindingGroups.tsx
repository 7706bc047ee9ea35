// 校验: the findings grouped by sheet; each shows its severity, the cell (a link that selects it in
// the workbook), the message, and the suggested fix with a checkbox.
import { Checkbox, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../engine/findings";
import { messageOf } from "../../i18n/findings";
import type { CellFix, CellRef } from "../../hosts/host";
import { maskIdCard } from "../../report/mask";
import { SEVERITY_ITEM_KEYS, t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { findingKey } from "../hooks/useFindingsView";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  groupTitle: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    listStyle: "none",
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  sev: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  fix: { gridColumn: "2" },
  msg: { wordBreak: "break-word" },
});

export interface FindingGroupsProps {
  lang: Lang;
  groups: [string, Finding[]][];
  countOf: (group: string) => number;
  sheetLabel: (group: string) => string;
  fixes: Map<Finding, CellFix>;
  ticked: ReadonlySet<string>;
  onTick: (f: Finding, on: boolean) => void;
  onSelectCell: (ref: CellRef) => void;
}

export function FindingGroups(p: FindingGroupsProps) {
  const s = useStyles();
  return p.groups.map(([group, list]) => (
    <section key={group} aria-label={p.sheetLabel(group)}>
      <h3 className={s.groupTitle}>{`${p.sheetLabel(group)}（${p.countOf(group)}）`}</h3>
      <ul className={s.group}>
        {list.map((f, i) => (
          <FindingItem key={`${findingKey(f)}|${f.code}|${i}`} finding={f} {...p} />
        ))}
      </ul>
    </section>
  ));
}

function FindingItem(p: FindingGroupsProps & { finding: Finding }) {
  const s = useStyles();
  const { lang, finding: f } = p;
  const fix = p.fixes.get(f);
  return (
    <li className={s.item}>
      <span className={`${s.sev} ${s[f.severity]}`}>{t(lang, SEVERITY_ITEM_KEYS[f.severity])}</span>
      <span className={s.msg}>
        {f.sheet && f.cell && (
          <>
            <Link
              as="button"
              aria-label={t(lang, "goToCell", { sheet: f.sheet, cell: f.cell })}
              onClick={() => p.onSelectCell({ sheet: f.sheet!, cell: f.cell! })}
            >
              {f.cell}
            </Link>{" "}
          </>
        )}
        {maskIdCard(messageOf(f, lang))}
      </span>
      {fix && (
        <Checkbox
          className={s.fix}
          size="medium"
          checked={p.ticked.has(findingKey(f))}
          onChange={(_, d) => p.onTick(f, d.checked === true)}
          label={t(lang, "fixTo", { fix: String(fix.value) })}
        />
      )}
    </li>
  );
}
