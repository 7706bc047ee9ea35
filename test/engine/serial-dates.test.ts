// isoToSerial: the day part from the engine's calendar, the time of day as a fraction.
import { isoToSerial } from "../../src/engine/dates";
test("ISO dates and date-times → serials in both systems, Excel's phantom 1900-02-29 included", () => {
  expect(isoToSerial("1900-01-01", false)).toBe(1);
  expect(isoToSerial("1900-02-28", false)).toBe(59);
  expect(isoToSerial("1900-03-01", false)).toBe(61);
  expect(isoToSerial("2011-06-20", false)).toBe(40714);
  expect(isoToSerial("2011-06-20", true)).toBe(40714 - 1462);
  expect(isoToSerial("2011-06-20T12:00:00", false)).toBe(40714.5);
  expect(isoToSerial("2011-02-30", false)).toBeNaN();
});
