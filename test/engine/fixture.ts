// A small, hand-checked, clean ledger as Grids, and helpers to seed one mistake at a time.
// Checked at 检查基准日 2010-06-20 unless a test says otherwise: no coverage period has ended then.
import type { CellValue, Grid, Workbook } from "../../src/engine/grid";
import { dayFromYMD, dayToSerial } from "../../src/engine/dates";
import { checkDigit } from "../../src/engine/rules/idcard";
import { analyze } from "../../src/engine/analyze";

export const AS_OF = dayFromYMD(2010, 6, 20)!;

/** A date as a 1900-system serial, as Excel stores it. */
export function d(iso: string): number {
  const [y, m, dd] = iso.split("-").map(Number);
  return dayToSerial(dayFromYMD(y, m, dd)!, false);
}

export function idCard(birth: string, seq: number, male: boolean): string {
  const s = `370112${birth.replace(/-/g, "")}${String(seq).padStart(2, "0")}${male ? 1 : 2}`;
  return s + checkDigit(s);
}

export type Rows = CellValue[][];

export function baseSheets(): Record<string, Rows> {
  return {
    "党（工）委": [
      ["单位编号", "单位名称", "单位类型", "主要负责人", "实施方案报送日期"],
      ["U01", "历城区甲街道党工委", "街道", "张建国", d("2010-05-20")],
      ["U02", "历城区乙镇党委", "镇", "刘明", d("2010-05-25")],
    ],
    基层党组织: [
      ["组织编号", "党组织名称", "上级党（工）委", "组织类别", "争创载体", "书记", "党员人数"],
      ["O001", "甲社区党委", "U01", "街道社区", "和谐先锋", "李红", 2],
      ["O002", "甲村党支部", "U01", "农村", "带富先锋", "王强", 1],
      ["O003", "乙村党支部", "U02", "农村", "带富先锋", "赵林", 0],
    ],
    党员: [
      [
        "党员编号",
        "姓名",
        "性别",
        "身份证号",
        "出生日期",
        "所在党组织",
        "入党日期",
        "党员类别",
        "党务工作者",
        "职务",
      ],
      [
        "M001",
        "陈志强",
        "男",
        idCard("1970-03-15", 1, true),
        d("1970-03-15"),
        "O001",
        d("1995-07-01"),
        "正式党员",
        "是",
        "书记",
      ],
      [
        "M002",
        "林秀英",
        "女",
        idCard("1985-11-02", 2, false),
        d("1985-11-02"),
        "O001",
        d("2008-06-30"),
        "预备党员",
        "否",
        "委员",
      ],
      [
        "M003",
        "周文",
        "男",
        idCard("1960-01-20", 3, true),
        d("1960-01-20"),
        "O002",
        d("1988-10-01"),
        "",
        "",
        "党员",
      ],
    ],
    公开承诺: [
      [
        "承诺主体编号",
        "承诺事项",
        "公开方式",
        "公开日期",
        "完成时限",
        "完成情况",
        "完成日期",
        "践诺措施",
        "责任人",
      ],
      [
        "O001",
        "建成社区便民服务站",
        "公示栏、网站",
        d("2010-05-10"),
        d("2010-12-31"),
        "推进中",
        null,
        "每周例会督办",
        "李红",
      ],
      [
        "M001",
        "帮扶困难群众三户",
        "明白纸",
        d("2010-05-12"),
        d("2010-06-10"),
        "已完成",
        d("2010-06-08"),
        "结对帮扶",
        "陈志强",
      ],
    ],
    领导点评: [
      ["点评日期", "点评层级", "点评单位", "点评人", "点评对象", "肯定成绩", "存在问题", "努力方向"],
      [
        d("2010-06-01"),
        "党（工）委",
        "U01",
        "张建国",
        "O001、O002",
        "承诺公开及时",
        "台账不够细",
        "细化台账",
      ],
      [d("2010-06-05"), "区委", "区委", "区委领导", "U01", "方案扎实", "进度偏慢", "加快进度"],
    ],
    群众评议: [
      ["评议日期", "评议对象编号", "参评人数", "好", "较好", "一般", "差", "评议等次"],
      [d("2010-06-10"), "O001", 50, 40, 5, 3, 2, "优秀"],
      [d("2010-06-11"), "M001", 20, 12, 4, 3, 1, "合格"],
    ],
    五个好考评: [
      [
        "考评对象编号",
        "考评时段",
        "考评日期",
        "领导班子好",
        "党员队伍好",
        "工作机制好",
        "工作业绩好",
        "群众反映好",
        "考评人",
        "一票否决事项",
      ],
      ["O001", "第一时段", d("2010-06-15"), "好", "好", "较好", "好", "好", "张建国", "无"],
    ],
    五带头考评: [
      [
        "考评对象编号",
        "考评时段",
        "考评日期",
        "带头学习提高",
        "带头争创佳绩",
        "带头服务群众",
        "带头遵纪守法",
        "带头弘扬正气",
        "考评人",
        "违纪违法情况",
      ],
      ["M001", "第一时段", d("2010-06-15"), "好", "较好", 18, "好", "好", "李红", null],
    ],
  };
}

export function book(sheets: Record<string, Rows>, opts: Partial<Workbook> = {}): Workbook {
  const grids: Grid[] = Object.entries(sheets).map(([name, rows]) => ({ name, rows, merges: [] }));
  return { date1904: false, sheets: grids, ...opts };
}

/** Sets one cell of the base fixture: sheet, 0-based data row (header = -1), column header text. */
export function withCell(
  sheets: Record<string, Rows>,
  sheet: string,
  dataRow: number,
  column: string,
  v: CellValue,
) {
  const rows = sheets[sheet];
  const c = rows[0].indexOf(column);
  if (c < 0) throw new Error(`no column ${column} in ${sheet}`);
  const r = rows[dataRow + 1];
  while (r.length <= c) r.push(null);
  r[c] = v;
  return sheets;
}

/** Codes raised by every `run` of the test file (jest gives each test file its own module). */
export const raisedCodes = new Set<string>();

export function run(sheets: Record<string, Rows>, asOf = AS_OF, opts: Partial<Workbook> = {}) {
  const a = analyze(book(sheets, opts), { asOf });
  for (const f of a.findings) raisedCodes.add(f.code);
  return a;
}

export function codes(sheets: Record<string, Rows>, asOf = AS_OF): string[] {
  return run(sheets, asOf).findings.map((f) => f.code);
}
