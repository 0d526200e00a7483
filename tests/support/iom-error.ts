import { IomError } from "../../src/core/errors";

/** The IomError `f` throws; fails the test when it returns, rethrows anything else. */
export function iomErrorFrom(f: () => unknown): IomError {
  try {
    f();
  } catch (e) {
    if (e instanceof IomError) return e;
    throw e;
  }
  throw new Error("expected an IomError");
}
