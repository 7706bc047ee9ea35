// A programmable ledger for scoring and commendation tests: complete coverage (plans on time, every
// quarter and half-year reviewed, commitments in 第一时段, a 群众评议 per object and phase) so that
// only what a test sets changes the result. Checked at 2012-11-07.
import type { CellValue } from "../../src/engine/grid";
import { dayFromYMD, dayToSerial } from "../../src/engine/dates";
import { DEFAULT_RULES } from "../../src/engine/campaign";
import { halfYears, quarters } from "../../src/engine/periods";
import { type Rows, d, idCard } from "./fixture";

export const END = dayFromYMD(2012, 11, 7)!;
type Rating = string | number;

export interface ObjSpec {
  id: string;
  /** Five ratings per phase (index 0 = 第一时段); undefined = no evaluation in that phase. */
  ratings?: (Rating[] | undefined)[];
  /** [好, 较好, 一般, 差] per phase; undefined = no votes in that phase. */
  votes?: ([number, number, number, number] | undefined)[];
  veto?: (string | undefined)[];
  /** Evaluation dates per phase (defaults inside the phase). */
  evalDates?: (string | undefined)[];
}
export interface OrgSpec extends ObjSpec {
  unit: string;
}
export interface MemberSpec extends ObjSpec {
  org: string;
  status?: string;
  worker?: string;
}
export interface UnitSpec {
  id: string;
  plan?: string | null;
}

const PHASE_DAY = ["2010-09-15", "2011-03-15", "2012-03-15"];
const EVAL_DAY = ["2010-12-10", "2011-06-10", "2012-06-10"];
const PHASE = ["第一时段", "第二时段", "第三时段"];
export const ALL_GOOD: Rating[] = ["好", "好", "好", "好", "好"];
export const EXCELLENT_VOTES: [number, number, number, number] = [45, 5, 0, 0];

export function evalSheets(
  units: UnitSpec[],
  orgs: OrgSpec[],
  members: MemberSpec[] = [],
): Record<string, Rows> {
  const sheets: Record<string, Rows> = {
    "党（工）委": [["单位编号", "单位名称", "单位类型", "实施方案报送日期"]],
    基层党组织: [["组织编号", "党组织名称", "上级党（工）委", "组织类别", "争创载体", "党员人数"]],
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
      ],
    ],
    公开承诺: [["承诺主体编号", "承诺事项", "公开方式", "公开日期", "完成时限", "完成情况", "完成日期"]],
    领导点评: [["点评日期", "点评层级", "点评单位", "点评人", "点评对象", "肯定成绩", "存在问题"]],
    群众评议: [["评议日期", "评议对象编号", "参评人数", "好", "较好", "一般", "差"]],
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
        "一票否决事项",
      ],
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
        "违纪违法情况",
      ],
    ],
  };
  for (const u of units)
    sheets["党（工）委"].push([
      u.id,
      `${u.id}党委`,
      "镇",
      u.plan === undefined ? d("2010-05-20") : u.plan === null ? null : d(u.plan),
    ]);
  for (const o of orgs) {
    const n = members.filter((m) => m.org === o.id).length;
    sheets["基层党组织"].push([o.id, `${o.id}村党支部`, o.unit, "农村", "带富先锋", n]);
  }
  members.forEach((m, i) => {
    sheets["党员"].push([
      m.id,
      `党员${m.id}`,
      "男",
      idCard("1970-01-01", i % 99, true),
      d("1970-01-01"),
      m.org,
      d("2000-07-01"),
      m.status ?? "正式党员",
      m.worker ?? "否",
    ]);
  });
  const objects: ObjSpec[] = [...orgs, ...members];
  for (const o of objects)
    sheets["公开承诺"].push([
      o.id,
      "为群众办好一件实事",
      "公示栏",
      d("2010-06-01"),
      d("2012-12-31"),
      "推进中",
      null,
    ]);
  for (const q of quarters(DEFAULT_RULES))
    for (const u of units) {
      const ids = orgs.filter((o) => o.unit === u.id).map((o) => o.id);
      if (ids.length)
        sheets["领导点评"].push([q.to, "党（工）委", u.id, "书记", ids.join("、"), "成绩明显", "仍有不足"]);
    }
  for (const h of halfYears(DEFAULT_RULES))
    sheets["领导点评"].push([
      h.to,
      "区委",
      "区委",
      "区委领导",
      units.map((u) => u.id).join("、"),
      "成绩明显",
      "仍有不足",
    ]);
  // Dates above are Days (not serials): convert.
  for (const r of sheets["领导点评"].slice(1)) r[0] = dayToSerial(r[0] as number, false);
  for (const o of objects)
    for (let p = 0; p < 3; p++) {
      const v = o.votes?.[p] ?? (o.votes ? undefined : EXCELLENT_VOTES);
      if (v) sheets["群众评议"].push([d(PHASE_DAY[p]), o.id, v[0] + v[1] + v[2] + v[3], ...v]);
    }
  const evalRow = (o: ObjSpec, p: number): CellValue[] | undefined => {
    const r = o.ratings ? o.ratings[p] : ALL_GOOD;
    if (!r) return undefined;
    return [o.id, PHASE[p], d(o.evalDates?.[p] ?? EVAL_DAY[p]), ...r, o.veto?.[p] ?? "无"];
  };
  for (const o of orgs) for (let p = 0; p < 3; p++) push(sheets["五个好考评"], evalRow(o, p));
  for (const m of members) for (let p = 0; p < 3; p++) push(sheets["五带头考评"], evalRow(m, p));
  return sheets;
}

function push(rows: Rows, r: CellValue[] | undefined) {
  if (r) rows.push(r);
}
