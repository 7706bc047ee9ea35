// The ledger's schema (ledger-format.md §2): every sheet, its aliases, its columns with aliases,
// types, enumerations and keys. Sheet and column names live here once and are imported elsewhere.

export type SheetId =
  "units" | "orgs" | "members" | "commitments" | "reviews" | "votes" | "orgEvals" | "memberEvals";

export type FieldType =
  | "text" // free text
  | "code" // an identifier: full-width → half-width, no spaces
  | "name" // a name: internal runs of spaces collapsed
  | "date"
  | "integer"
  | "enum"
  | "idlist" // several IDs in one cell
  | "rating" // 好/较好/一般/差 or a number 0–20
  | "idcard"; // 身份证号

export interface EnumDef {
  /** Canonical values in display order. */
  values: readonly string[];
  /** Synonym → canonical value. */
  synonyms?: Readonly<Record<string, string>>;
}

export interface FieldDef {
  /** English key used in code. */
  key: string;
  /** Canonical column name (zh-CN), as the template writes it. */
  name: string;
  aliases?: readonly string[];
  type: FieldType;
  required?: boolean;
  enum?: EnumDef;
  /** enum: several values allowed in one cell. */
  multi?: boolean;
  /** Value must be unique within the sheet (error `unique`). */
  unique?: boolean;
  /** Inclusive bounds for integers. */
  min?: number;
  /** Blank is read as this value. */
  blankAs?: string;
  /** Hint shown in the template. */
  hint?: string;
  /** Column width in the template. */
  width?: number;
}

export interface SheetDef {
  id: SheetId;
  name: string;
  aliases: readonly string[];
  fields: readonly FieldDef[];
  /** Field key of the row's own ID, if the sheet defines objects. */
  keyField?: string;
}

export const RATING_VALUES = ["好", "较好", "一般", "差"] as const;
export type Rating = (typeof RATING_VALUES)[number];

export const UNIT_TYPES: EnumDef = {
  values: ["开发区", "街道", "镇", "区直部门"],
  synonyms: {
    开发区党工委: "开发区",
    街道党工委: "街道",
    镇党委: "镇",
    区直部门党组织: "区直部门",
    区直: "区直部门",
  },
};

export const ORG_CATEGORIES: EnumDef = {
  values: ["农村", "街道社区", "机关", "事业单位", "非公有制经济组织", "社会组织"],
  synonyms: { 社区: "街道社区", 非公企业: "非公有制经济组织", 非公有制企业: "非公有制经济组织" },
};

export const PIONEER_TITLES: EnumDef = {
  values: ["带富先锋", "和谐先锋", "服务先锋", "敬业先锋", "兴业先锋"],
};

/** 组织类别 → the 争创载体 that fits it (campaign.md, seed notice 三、主要内容). */
export const TITLE_FOR_CATEGORY: Readonly<Record<string, string>> = {
  农村: "带富先锋",
  街道社区: "和谐先锋",
  机关: "服务先锋",
  事业单位: "敬业先锋",
  非公有制经济组织: "兴业先锋",
  社会组织: "兴业先锋",
};

export const MEMBER_STATUS: EnumDef = {
  values: ["正式党员", "预备党员"],
  synonyms: { 正式: "正式党员", 预备: "预备党员" },
};
export const YES_NO: EnumDef = { values: ["是", "否"] };
export const SEX: EnumDef = { values: ["男", "女"] };
export const PUBLISH_WAYS: EnumDef = { values: ["新闻媒体", "公示栏", "明白纸", "网站", "会议"] };
export const COMMIT_STATUS: EnumDef = { values: ["已完成", "推进中", "未完成"] };
export const REVIEW_LEVELS: EnumDef = {
  values: ["区委", "党（工）委"],
  synonyms: { 党委: "党（工）委", 党工委: "党（工）委" },
};
export const VOTE_GRADES: EnumDef = { values: ["优秀", "合格", "基本合格", "不合格"] };
export const PHASE_ENUM: EnumDef = {
  values: ["第一时段", "第二时段", "第三时段"],
  synonyms: {
    "1": "第一时段",
    "2": "第二时段",
    "3": "第三时段",
    一: "第一时段",
    二: "第二时段",
    三: "第三时段",
  },
};

export const ORG_CRITERIA = ["领导班子好", "党员队伍好", "工作机制好", "工作业绩好", "群众反映好"] as const;
export const MEMBER_CRITERIA = [
  "带头学习提高",
  "带头争创佳绩",
  "带头服务群众",
  "带头遵纪守法",
  "带头弘扬正气",
] as const;

const RATING_HINT = "好/较好/一般/差，或0至20之间的分数";

function criteriaFields(names: readonly string[]): FieldDef[] {
  return names.map((n, i) => ({
    key: `c${i + 1}`,
    name: n,
    type: "rating",
    required: true,
    hint: RATING_HINT,
  }));
}

export const UNITS: SheetDef = {
  id: "units",
  name: "党（工）委",
  aliases: ["单位党委", "党工委"],
  keyField: "unitId",
  fields: [
    {
      key: "unitId",
      name: "单位编号",
      aliases: ["编号"],
      type: "code",
      required: true,
      unique: true,
      width: 12,
    },
    {
      key: "unitName",
      name: "单位名称",
      aliases: ["党（工）委名称", "名称"],
      type: "name",
      required: true,
      unique: true,
      width: 24,
    },
    { key: "unitType", name: "单位类型", aliases: ["类型"], type: "enum", required: true, enum: UNIT_TYPES },
    { key: "head", name: "主要负责人", aliases: ["书记"], type: "name" },
    { key: "planDate", name: "实施方案报送日期", aliases: ["方案报送日期"], type: "date", width: 16 },
  ],
};

export const ORGS: SheetDef = {
  id: "orgs",
  name: "基层党组织",
  aliases: ["党组织", "党组织基本情况"],
  keyField: "orgId",
  fields: [
    {
      key: "orgId",
      name: "组织编号",
      aliases: ["编号", "党组织编号"],
      type: "code",
      required: true,
      unique: true,
      width: 12,
    },
    {
      key: "orgName",
      name: "党组织名称",
      aliases: ["组织名称", "名称"],
      type: "name",
      required: true,
      width: 28,
    },
    {
      key: "unit",
      name: "上级党（工）委",
      aliases: ["所属党（工）委", "上级党组织"],
      type: "code",
      required: true,
      hint: "填单位编号或单位名称",
      width: 16,
    },
    {
      key: "category",
      name: "组织类别",
      aliases: ["类别"],
      type: "enum",
      required: true,
      enum: ORG_CATEGORIES,
    },
    { key: "title", name: "争创载体", aliases: ["先锋称号", "载体"], type: "enum", enum: PIONEER_TITLES },
    { key: "secretary", name: "书记", aliases: ["书记姓名"], type: "name" },
    { key: "memberCount", name: "党员人数", aliases: ["党员数"], type: "integer", min: 0 },
  ],
};

export const MEMBERS: SheetDef = {
  id: "members",
  name: "党员",
  aliases: ["党员花名册", "党员名册"],
  keyField: "memberId",
  fields: [
    {
      key: "memberId",
      name: "党员编号",
      aliases: ["编号"],
      type: "code",
      required: true,
      unique: true,
      width: 12,
    },
    { key: "name", name: "姓名", aliases: ["党员姓名"], type: "name", required: true },
    { key: "sex", name: "性别", type: "enum", enum: SEX },
    { key: "idcard", name: "身份证号", aliases: ["公民身份号码", "身份证号码"], type: "idcard", width: 22 },
    { key: "birth", name: "出生日期", type: "date", width: 12 },
    {
      key: "org",
      name: "所在党组织",
      aliases: ["组织编号", "所在支部"],
      type: "code",
      required: true,
      hint: "填组织编号",
    },
    { key: "joined", name: "入党日期", type: "date", width: 12 },
    {
      key: "status",
      name: "党员类别",
      aliases: ["类别"],
      type: "enum",
      enum: MEMBER_STATUS,
      blankAs: "正式党员",
    },
    {
      key: "worker",
      name: "党务工作者",
      aliases: ["是否党务工作者"],
      type: "enum",
      enum: YES_NO,
      blankAs: "否",
    },
    { key: "post", name: "职务", aliases: ["岗位", "职务岗位"], type: "text" },
  ],
};

export const COMMITMENTS: SheetDef = {
  id: "commitments",
  name: "公开承诺",
  aliases: ["承诺", "公开承诺登记"],
  fields: [
    {
      key: "subject",
      name: "承诺主体编号",
      aliases: ["主体编号", "编号"],
      type: "code",
      required: true,
      hint: "组织编号或党员编号",
      width: 14,
    },
    { key: "content", name: "承诺事项", aliases: ["承诺内容"], type: "text", required: true, width: 36 },
    { key: "way", name: "公开方式", type: "enum", required: true, enum: PUBLISH_WAYS, multi: true },
    { key: "published", name: "公开日期", aliases: ["承诺日期"], type: "date", required: true, width: 12 },
    { key: "deadline", name: "完成时限", aliases: ["时限"], type: "date", width: 12 },
    {
      key: "state",
      name: "完成情况",
      aliases: ["落实情况"],
      type: "enum",
      enum: COMMIT_STATUS,
      blankAs: "推进中",
    },
    { key: "done", name: "完成日期", type: "date", width: 12 },
    { key: "measures", name: "践诺措施", aliases: ["措施"], type: "text", width: 30 },
    { key: "owner", name: "责任人", type: "name" },
  ],
};

export const REVIEWS: SheetDef = {
  id: "reviews",
  name: "领导点评",
  aliases: ["点评记录"],
  fields: [
    { key: "date", name: "点评日期", aliases: ["日期"], type: "date", required: true, width: 12 },
    { key: "level", name: "点评层级", aliases: ["层级"], type: "enum", required: true, enum: REVIEW_LEVELS },
    {
      key: "reviewer",
      name: "点评单位",
      aliases: ["点评党组织"],
      type: "code",
      hint: "区委点评填“区委”或留空；党（工）委点评填单位编号",
    },
    { key: "person", name: "点评人", type: "name", required: true },
    {
      key: "targets",
      name: "点评对象",
      aliases: ["被点评对象"],
      type: "idlist",
      required: true,
      hint: "区委点评填单位编号；党（工）委点评填组织编号，多个用顿号分隔",
      width: 24,
    },
    { key: "strengths", name: "肯定成绩", aliases: ["成绩"], type: "text", required: true, width: 30 },
    { key: "problems", name: "存在问题", aliases: ["问题"], type: "text", required: true, width: 30 },
    { key: "direction", name: "努力方向", aliases: ["整改方向", "方向"], type: "text", width: 30 },
  ],
};

export const VOTES: SheetDef = {
  id: "votes",
  name: "群众评议",
  aliases: ["民主评议", "评议情况"],
  fields: [
    { key: "date", name: "评议日期", aliases: ["日期"], type: "date", required: true, width: 12 },
    { key: "object", name: "评议对象编号", aliases: ["对象编号"], type: "code", required: true, width: 14 },
    { key: "total", name: "参评人数", aliases: ["参加人数"], type: "integer", required: true, min: 1 },
    { key: "good", name: "好", aliases: ["好票", "好票数", "满意"], type: "integer", required: true, min: 0 },
    { key: "fair", name: "较好", aliases: ["较好票数", "比较满意"], type: "integer", required: true, min: 0 },
    {
      key: "average",
      name: "一般",
      aliases: ["一般票数", "基本满意"],
      type: "integer",
      required: true,
      min: 0,
    },
    { key: "poor", name: "差", aliases: ["差票数", "不满意"], type: "integer", required: true, min: 0 },
    { key: "grade", name: "评议等次", aliases: ["等次"], type: "enum", enum: VOTE_GRADES },
  ],
};

function evalSheet(
  id: SheetId,
  name: string,
  idAlias: string,
  criteria: readonly string[],
  vetoName: string,
) {
  return {
    id,
    name,
    aliases: [] as string[],
    fields: [
      {
        key: "object",
        name: "考评对象编号",
        aliases: [idAlias],
        type: "code",
        required: true,
        width: 14,
      },
      { key: "phase", name: "考评时段", type: "enum", required: true, enum: PHASE_ENUM },
      { key: "date", name: "考评日期", type: "date", required: true, width: 12 },
      ...criteriaFields(criteria),
      { key: "assessor", name: "考评人", type: "name" },
      { key: "veto", name: vetoName, type: "text", width: 20, hint: "无则填“无”或留空" },
    ],
  } satisfies SheetDef;
}

export const ORG_EVALS: SheetDef = evalSheet(
  "orgEvals",
  "五个好考评",
  "组织编号",
  ORG_CRITERIA,
  "一票否决事项",
);
export const MEMBER_EVALS: SheetDef = evalSheet(
  "memberEvals",
  "五带头考评",
  "党员编号",
  MEMBER_CRITERIA,
  "违纪违法情况",
);

/** The eight required ledger sheets, in reading (and template) order. */
export const LEDGER_SHEETS: readonly SheetDef[] = [
  UNITS,
  ORGS,
  MEMBERS,
  COMMITMENTS,
  REVIEWS,
  VOTES,
  ORG_EVALS,
  MEMBER_EVALS,
];

export const SHEET_BY_ID: Readonly<Record<SheetId, SheetDef>> = Object.fromEntries(
  LEDGER_SHEETS.map((s) => [s.id, s]),
) as Record<SheetId, SheetDef>;

/** Optional sheets (§2.8, §2.9) and the template's instructions sheet. */
export const COVER_SHEET = { name: "填报信息", aliases: ["封面", "报送信息"] } as const;
export const COVER_LABELS = ["填报单位", "负责人", "填表人", "联系电话", "报出时间"] as const;
export const RULES_SHEET = { name: "评分规则", keyHeader: "规则", valueHeader: "值" } as const;
export const INSTRUCTIONS_SHEET = "填报说明";

/** Result sheets (§6): never read as ledger sheets; a re-run replaces them. */
export const RESULT_SHEETS = {
  findings: "校验结果",
  orgScores: "考评结果-组织",
  memberScores: "考评结果-党员",
  commendations: "表彰名单",
  notSelected: "未入选说明",
  progress: "进度督查",
  submissions: "报送情况",
} as const;
export const RESULT_SHEET_NAMES: readonly string[] = Object.values(RESULT_SHEETS);

/** Veto column texts that mean "none". */
export const NO_VETO = ["无", "否", "—", "-", "/", "没有", "－", "——"];

/** Total-row labels (§1.1). */
export const TOTAL_LABELS = ["合计", "小计", "总计"];

/** Template version marker: a defined name in the workbook, plus a 填报信息 row. */
export const TEMPLATE_VERSION = "1.0";
export const TEMPLATE_VERSION_NAME = "PL_TEMPLATE_VERSION";
export const TEMPLATE_VERSION_LABEL = "模板版本";
export const KNOWN_TEMPLATE_VERSIONS = ["1.0"];

/** The canonical column name of a field key. */
export function fieldName(def: SheetDef, key: string): string {
  const f = def.fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key} in ${def.name}`);
  return f.name;
}
