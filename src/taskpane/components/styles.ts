// Shared styles of the tabs: compact tables and button rows that fit a 320–450 px pane.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTabStyles = makeStyles({
  tab: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    },
    "& td": {
      borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
      verticalAlign: "top",
    },
    // Numeric columns: mark the cells with data-num (beats the th/td rules above).
    "& th[data-num], & td[data-num]": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
});
