// The reader's text cache: equal bytes give the same string, decoded once; its keys are copies, so it
// never holds on to (or depends on) the sheet XML it read them from.
import { TextCache } from "../../../src/hosts/xlsx/text-cache";

const utf8 = new TextDecoder();
const enc = new TextEncoder();

function counting() {
  let calls = 0;
  const cache = new TextCache((b, s, e) => (calls++, utf8.decode(b.subarray(s, e))));
  return { cache, calls: () => calls };
}

test("equal bytes anywhere give the same string, decoded once; other bytes their own", () => {
  const { cache, calls } = counting();
  const xml = enc.encode("<t>党员</t><t>党员</t><t>党委</t><t>党</t>");
  const at = (text: string, from = 0) => {
    const s = Buffer.from(xml).indexOf(Buffer.from(text), from);
    return [s, s + enc.encode(text).length] as const;
  };
  const a = cache.get(xml, ...at("党员"));
  const b = cache.get(xml, ...at("党员", 12));
  expect(a).toBe("党员");
  expect(b).toBe(a);
  expect(calls()).toBe(1);
  expect(cache.get(xml, ...at("党委"))).toBe("党委");
  expect(cache.get(xml, ...at("党<"))).toBe("党<"); // a prefix of a kept key is another key
  expect(calls()).toBe(3);
});

test("keys are copies: the XML they came from can change or go, and thousands of keys stay right", () => {
  const { cache, calls } = counting();
  const texts = Array.from({ length: 20_000 }, (_, i) => `第${i}党支部${"委".repeat(i % 7)}`);
  for (const t of texts) {
    const xml = Buffer.from(enc.encode(`<t>${t}</t>`)); // a Node Buffer, as zlib hands out
    expect(cache.get(xml, 3, xml.length - 4)).toBe(t);
    xml.fill(0); // a view kept as the key would now read zeros
  }
  expect(calls()).toBe(texts.length);
  for (const t of texts) {
    const again = enc.encode(t);
    expect(cache.get(again, 0, again.length)).toBe(t);
  }
  expect(calls()).toBe(texts.length); // every one found again, none decoded twice
});
