// The blank standard ledger (cli.md `template`): every ledger sheet with its headers, drop-down
// lists for enumerations, date formats and frozen header rows; a 填报说明 sheet; 填报信息 with the
// template version; `评分规则` pre-filled with the defaults of campaign.md.
import { RULE_KEYS } from "../engine/campaign";
import {
  COVER_LABELS,
  COVER_SHEET,
  INSTRUCTIONS_SHEET,
  LEDGER_SHEETS,
  RULES_SHEET,
  TEMPLATE_VERSION,
  TEMPLATE_VERSION_LABEL,
  TEMPLATE_VERSION_NAME,
  type FieldDef,
  type SheetDef,
} from "../engine/schema";
import { documentPrint, type ColumnFormat, type ColumnModel, type SheetModel } from "./sheet-model";

function formatOf(f: FieldDef): ColumnFormat {
  if (f.type === "date") return "date";
  if (f.type === "integer") return "integer";
  if (f.type === "rating") return "general";
  return "text";
}

export function columnModel(f: FieldDef): ColumnModel {
  const col: ColumnModel = {
    header: f.name,
    width: f.width ?? Math.max(10, f.name.length * 2 + 2),
    format: formatOf(f),
  };
  // A list validation cannot hold several values in one cell, so multi-value columns get a hint.
  if (f.enum && !f.multi) col.list = [...f.enum.values];
  const hint =
    f.hint ??
    (f.multi && f.enum
      ? `可填多项，用顿号分隔：${f.enum.values.join("、")}`
      : f.type === "date"
        ? "日期，如2011-06-20"
        : undefined);
  if (hint) col.hint = hint;
  return col;
}

/** A ledger sheet of the template: prints landscape, one page wide, the header on every page. */
export function ledgerSheetModel(def: SheetDef): SheetModel {
  return {
    name: def.name,
    columns: def.fields.map(columnModel),
    rows: [],
    freezeHeader: true,
    print: documentPrint(),
  };
}

const INSTRUCTIONS: [string, string][] = [
  [
    "用途",
    "本台账用于记录创先争优、争做历城先锋活动的公开承诺、领导点评、群众评议和考评情况，供“先锋台账”校验、考评和生成表彰名单。",
  ],
  ["填写顺序", "先填“党（工）委”和“基层党组织”，再填“党员”，然后逐项填写承诺、点评、评议和考评。"],
  ["编号", "单位编号、组织编号、党员编号在本台账内唯一，其他表用编号引用；组织编号与党员编号不能相同。"],
  ["日期", "日期列请填写日期（如2011-06-20），不要写成“2011年上半年”等文字。"],
  ["身份证号", "身份证号请按文本录入18位，末位X大写。"],
  ["下拉选项", "带下拉箭头的列请从列表中选择。"],
  ["点评对象", "区委点评填单位编号；党（工）委点评填本单位所属的组织编号，多个用顿号（、）分隔。"],
  ["考评等级", "五个好、五带头各项填“好/较好/一般/差”，或0–20的分数。"],
  ["一票否决", "没有一票否决事项或违纪违法情况的，填“无”或留空。"],
  ["评分规则", "“评分规则”表列出考评和表彰使用的规则，可按区委要求修改“值”一列。"],
  ["不要修改", "请不要改动表名和表头文字；可以在表格右侧增加备注列。"],
];

export function templateModels(): { models: SheetModel[]; definedNames: Record<string, string> } {
  const models: SheetModel[] = [
    {
      name: INSTRUCTIONS_SHEET,
      title: "创先争优活动台账 填报说明",
      columns: [
        { header: "项目", width: 12, format: "text" },
        { header: "说明", width: 100, format: "text" },
      ],
      rows: INSTRUCTIONS,
      // one printed page: wrapped text in rows measured to fit it
      wrapText: true,
      print: documentPrint(),
    },
    {
      name: COVER_SHEET.name,
      columns: [
        { header: "项目", width: 14, format: "text" },
        { header: "内容", width: 40, format: "text" },
      ],
      rows: [...COVER_LABELS.map((l) => [l, ""]), [TEMPLATE_VERSION_LABEL, TEMPLATE_VERSION]],
      print: documentPrint(),
    },
    ...LEDGER_SHEETS.map(ledgerSheetModel),
    {
      name: RULES_SHEET.name,
      columns: [
        { header: RULES_SHEET.keyHeader, width: 20, format: "text" },
        { header: RULES_SHEET.valueHeader, width: 14, format: "text" },
        { header: "依据", width: 50, format: "text" },
      ],
      rows: RULE_KEYS.map((r) => [r.key, r.default, r.clause]),
      freezeHeader: true,
      wrapText: true,
      print: documentPrint(),
    },
  ];
  return { models, definedNames: { [TEMPLATE_VERSION_NAME]: TEMPLATE_VERSION } };
}
