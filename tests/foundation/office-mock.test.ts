/**
 * The Office mock harness works under Jest (office-addin-manifest is stubbed in jest.config.js), so
 * code that calls Excel's API can be unit-tested with load/sync semantics like Excel's.
 */
import { OfficeMockObject } from "office-addin-mock";

interface MockRange {
  address: string;
  load(property: string): void;
}

interface MockContext {
  workbook: { getSelectedRange(): MockRange };
  sync(): Promise<void>;
}

function mockExcel(): MockContext {
  const data = {
    workbook: {
      range: { address: "Sheet1!C2" },
      getSelectedRange(): unknown {
        return this.range;
      },
    },
  };
  return new OfficeMockObject(data) as unknown as MockContext;
}

describe("office-addin-mock under Jest", () => {
  it("gives a property's value after load() and sync()", async () => {
    const context = mockExcel();
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    expect(range.address).toBe("Sheet1!C2");
  });

  it("does not give a property's value before sync(), as Excel does not", () => {
    const range = mockExcel().workbook.getSelectedRange();
    range.load("address");
    expect(range.address).not.toBe("Sheet1!C2");
  });
});
