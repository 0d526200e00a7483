import { ADDIN_NAME, statusFor } from "../../src/taskpane/taskpane";

describe("task pane status line", () => {
  it("says when office.js could not be loaded", () => {
    const status = statusFor(undefined);
    expect(status.insideOffice).toBe(false);
    expect(status.text).toMatch(/office\.js could not be loaded/);
  });

  it("says clearly when the page is opened outside Office", () => {
    const status = statusFor({ host: null, platform: null });
    expect(status).toMatchObject({ insideOffice: false });
    expect(status.text).toContain(`${ADDIN_NAME} task pane, opened outside Office`);
    expect(status.text).toMatch(/sideload manifest\.xml/);
  });

  it("refuses other Office hosts", () => {
    expect(statusFor({ host: "Word", platform: "PC" })).toEqual({
      text: `${ADDIN_NAME} works in Excel only; this is Word.`,
      insideOffice: false,
    });
  });

  it("is ready inside Excel", () => {
    const status = statusFor({ host: "Excel", platform: "OfficeOnline" });
    expect(status.insideOffice).toBe(true);
    expect(status.text).toMatch(/^Ready in Excel \(OfficeOnline\)/);
  });
});
