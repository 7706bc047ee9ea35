// Fictional but plausible names for the sample ledger: people, places, organisations.
// None of them is meant to refer to a real person, organisation or place name combination.
import type { Rng } from "./prng";

const SURNAMES_COMMON = "王张李刘陈杨赵孙周吴徐马朱胡郭高";
const SURNAMES_OTHER =
  "何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟秦邱江尹薛闫段雷侯史陶贺顾毛郝邵万钱武戴孔常鲁牛宁毕亓展鞠隋逯房刁";
const GIVEN_MALE =
  "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁亮建国庆春新文志忠德海东峰林成金山胜利兵立振云龙福宝广永学宏晓玉长兴俊荣传顺祥";
const GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲桂英秀兰萍红梅莉琳婷雪慧洁倩颖琴云凤荣珍华玉芬美月翠爱晓春丹玮";

export function personName(rng: Rng, sex: "男" | "女"): string {
  const surname = rng.chance(0.62) ? rng.pick([...SURNAMES_COMMON]) : rng.pick([...SURNAMES_OTHER]);
  const pool = [...(sex === "男" ? GIVEN_MALE : GIVEN_FEMALE)];
  if (rng.chance(0.3)) return surname + rng.pick(pool);
  const a = rng.pick(pool);
  let b = rng.pick(pool);
  if (a === b && rng.chance(0.7)) b = rng.pick(pool);
  return surname + a + b;
}

/** Two-character place words for streets, towns and development zones. */
export const PLACES = [
  "泉华",
  "东岭",
  "凤鸣",
  "柳泉",
  "青石",
  "荷塘",
  "金桥",
  "云岭",
  "杏林",
  "石门",
  "翠屏",
  "龙泉",
  "华岳",
  "白泉",
  "卧龙",
  "玉泉",
  "明湖",
  "锦屏",
  "兴隆",
  "鸿福",
  "桃园",
  "梨园",
  "北岗",
  "南坡",
  "望岳",
  "仁和",
  "安康",
  "永泰",
  "福源",
  "嘉禾",
  "瑞丰",
  "长青",
  "新兴",
  "祥和",
  "康宁",
  "文昌",
  "秀水",
  "银河",
  "金鼎",
  "双泉",
  "九曲",
  "三涧",
  "鹊华",
  "黄岗",
  "枣林",
  "松岭",
  "丰泽",
  "泰和",
  "碧霞",
  "虎山",
  "梧桐",
  "莲花",
  "天桥",
  "紫荆",
  "清河",
  "太平",
];

/** District departments (区直部门) and the kind of public institution each one runs. */
export const DEPARTMENTS: readonly { name: string; inst: readonly string[] }[] = [
  { name: "教育局", inst: ["中学", "小学", "实验学校", "幼儿园", "职业中专"] },
  { name: "卫生局", inst: ["卫生院", "社区卫生服务中心", "医院", "妇幼保健所"] },
  { name: "农业局", inst: ["农业技术推广站", "农机服务站", "动物防疫站"] },
  { name: "文化广电新闻出版局", inst: ["文化站", "图书馆分馆", "文化馆"] },
  { name: "民政局", inst: ["敬老院", "社会福利中心", "救助管理站"] },
  { name: "水利局", inst: ["水利站", "水库管理所"] },
  { name: "住房和城乡建设局", inst: ["建设管理站", "质量监督站"] },
  { name: "人力资源和社会保障局", inst: ["劳动保障所", "就业服务中心"] },
  { name: "交通运输局", inst: ["公路管理站", "运输管理所"] },
  { name: "财政局", inst: ["财政所", "会计核算中心"] },
  { name: "林业局", inst: ["林业站", "林场"] },
  { name: "统计局", inst: ["统计调查队"] },
  { name: "司法局", inst: ["司法所", "法律援助中心"] },
  { name: "环境保护局", inst: ["环境监测站", "环境监察中队"] },
  { name: "科学技术局", inst: ["科技服务中心"] },
];

const COMMUNITY_WORDS = [
  "花园",
  "丁香",
  "荷花",
  "华信",
  "鸿苑",
  "绿园",
  "东苑",
  "西苑",
  "和平",
  "幸福",
  "福园",
  "康乐",
  "文化",
  "新华",
  "阳光",
  "明珠",
  "水榭",
  "翠园",
  "锦绣",
  "桃源",
  "凤凰",
  "春晖",
  "怡然",
  "祥云",
  "馨园",
  "泉景",
  "山水",
  "名士",
  "鑫苑",
  "御园",
  "东城",
  "北苑",
  "南郊",
  "枫林",
  "雅居",
  "颐和",
];
const VILLAGE_SUFFIX = ["家庄", "家村", "家洼", "家峪", "家岭", "家寨", "官庄", "家楼", "家套", "家河"];
const DIRECTIONS = ["东", "西", "南", "北", "前", "后", "大", "小", "上", "下"];
const BRANDS = [
  "华鑫",
  "鲁泰",
  "恒通",
  "宏达",
  "泰丰",
  "瑞康",
  "鑫源",
  "金诺",
  "正和",
  "昊天",
  "聚丰",
  "永信",
  "新元",
  "博远",
  "盛世",
  "天润",
  "海川",
  "泉润",
  "中建",
  "润德",
  "东岳",
  "齐鲁",
  "久安",
  "嘉业",
];
const INDUSTRIES = [
  "机械",
  "建材",
  "食品",
  "物流",
  "电子",
  "化工",
  "纺织",
  "置业",
  "商贸",
  "科技",
  "汽车配件",
  "包装",
  "印务",
  "医药",
  "农业开发",
  "环保设备",
];
const SOCIETIES = [
  "个体劳动者协会",
  "私营企业协会",
  "老年人体育协会",
  "书法家协会",
  "餐饮业协会",
  "物业管理协会",
  "家政服务协会",
  "志愿者协会",
  "社会工作者协会",
  "律师协会",
  "果品产销协会",
  "蔬菜产销协会",
  "商会",
];

export function villageName(rng: Rng): string {
  const r = rng.next();
  const surname = rng.chance(0.6) ? rng.pick([...SURNAMES_COMMON]) : rng.pick([...SURNAMES_OTHER]);
  if (r < 0.6) return surname + rng.pick(VILLAGE_SUFFIX);
  if (r < 0.85) return rng.pick(DIRECTIONS) + surname + rng.pick(["家庄", "庄", "家洼", "官庄"]);
  return rng.pick(PLACES) + rng.pick(["村", "峪", "庄"]);
}

export function communityWord(rng: Rng): string {
  const r = rng.next();
  if (r < 0.35) return rng.pick(COMMUNITY_WORDS);
  if (r < 0.6) return rng.pick(PLACES);
  if (r < 0.8) return rng.pick([...SURNAMES_COMMON]) + rng.pick(["家楼", "家庄", "里河", "家园", "家营"]);
  return rng.pick(COMMUNITY_WORDS) + rng.pick(["东区", "西区", "南区", "北区", "新区"]);
}

export function companyName(rng: Rng): string {
  return `济南${rng.pick(BRANDS)}${rng.pick(INDUSTRIES)}有限公司`;
}

export function societyName(rng: Rng, place: string): string {
  const s = rng.pick(SOCIETIES);
  return s === "商会" ? `${place}商会` : `历城区${s}`;
}

/** Ordinals for numbered branches (第一党支部 …). */
export const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

export function ordinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1];
  if (n < 20) return "十" + ORDINALS[n - 11];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return ORDINALS[tens - 1] + "十" + (ones ? ORDINALS[ones - 1] : "");
}

/** A Jinan landline number (fictional). */
export function phoneNumber(rng: Rng): string {
  return `0531-88${String(rng.int(100000, 999999))}`;
}
