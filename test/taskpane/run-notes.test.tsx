/**
 * @jest-environment jsdom
 */
// What a run that succeeded could not do (RunOptions.onNote: a result sheet's drop-downs, a formula
// cell left alone) is shown with the run's own message, as a warning.
import { configure, fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { RunOptions } from "../../src/hosts/host";
import type { SheetModel } from "../../src/report/sheet-model";
import { FakeHost } from "./fake-host";
import { installDomShims, sampleWorkbook } from "./setup";

beforeAll(installDomShims);
configure({ asyncUtilTimeout: 10_000 });

const NOTE = { "zh-CN": "结果表“校验结果”的下拉列表未能设置，表中数据已完整写入", en: "drop-downs not set" };

test("a note from the host appears under the run's message", async () => {
  const host = new FakeHost(sampleWorkbook());
  const write = host.writeSheets.bind(host);
  host.writeSheets = async (models: SheetModel[], o: RunOptions & { replace: readonly string[] }) => {
    await write(models, o);
    o.onNote?.(NOTE);
  };
  render(<App kind="excel" theme="light" host={host} />);
  await screen.findByText(/已识别8\/8张台账表/);
  fireEvent.click(screen.getByRole("tab", { name: "校验" }));
  fireEvent.click(screen.getByRole("button", { name: "校验台账" }));
  await screen.findByTestId("finding-counts");
  fireEvent.click(screen.getByRole("button", { name: "写入校验结果表" }));
  expect(await screen.findByText(NOTE["zh-CN"])).toBeTruthy();
  expect(screen.getByText("已写入“校验结果”表")).toBeTruthy();
});
