// The grade distribution as small CSS bars (no chart library): one row per grade, one bar each for
// organisations and members, scaled to the largest count.
import { makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import type { GradeCount } from "../../app/results/evaluation-summary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0 },
  row: {
    display: "grid",
    gridTemplateColumns: "3em 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  bars: { display: "flex", flexDirection: "column", gap: "2px" },
  bar: {
    display: "grid",
    gridTemplateColumns: "1fr 2.5em",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    minHeight: "12px",
  },
  fillOrg: { height: "10px", backgroundColor: tokens.colorBrandBackground, borderRadius: "2px" },
  fillMember: {
    height: "10px",
    backgroundColor: tokens.colorPaletteMarigoldBackground3,
    borderRadius: "2px",
  },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200 },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: "4px", borderRadius: "2px" },
  value: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
});

export function GradeChart(props: { lang: Lang; title: string; grades: GradeCount[] }) {
  const s = useStyles();
  const max = Math.max(1, ...props.grades.flatMap((g) => [g.organization, g.member]));
  const width = (n: number) => `${Math.max(n ? 2 : 0, Math.round((n / max) * 100))}%`;
  const org = t(props.lang, "kindOrg");
  const member = t(props.lang, "kindMember");
  return (
    <figure className={s.root} aria-label={props.title} data-testid="grade-chart">
      <figcaption className={s.legend}>
        <strong>{props.title}</strong>
        <span>
          <span className={`${s.swatch} ${s.fillOrg}`} />
          {org}
        </span>
        <span>
          <span className={`${s.swatch} ${s.fillMember}`} />
          {member}
        </span>
      </figcaption>
      {props.grades.map((g) => (
        <div
          key={g.grade}
          className={s.row}
          role="img"
          aria-label={`${g.grade}：${org} ${g.organization}，${member} ${g.member}`}
        >
          <span>{g.grade}</span>
          <div className={s.bars}>
            <div className={s.bar}>
              <div>
                <div className={s.fillOrg} style={{ width: width(g.organization) }} />
              </div>
              <span className={s.value}>{g.organization}</span>
            </div>
            <div className={s.bar}>
              <div>
                <div className={s.fillMember} style={{ width: width(g.member) }} />
              </div>
              <span className={s.value}>{g.member}</span>
            </div>
          </div>
        </div>
      ))}
    </figure>
  );
}
