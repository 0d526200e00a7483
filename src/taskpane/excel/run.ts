/**
 * How adapters reach Excel: a function with Excel.run's shape. In Excel it is Excel.run itself;
 * tests pass a recording fake of the object model instead.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run, or an error the pane can explain when Excel is not there. */
export const officeRun: ExcelRun = (batch) => {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    return Promise.reject(Object.assign(new Error("Excel is not available"), { code: "ExcelUnavailable" }));
  }
  return Excel.run(batch);
};

/** Feature detection of an ExcelApi requirement set ("1.8"). */
export type Supports = (version: string) => boolean;

export const officeSupports: Supports = (version) => {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false; // no Office context (a browser): nothing is supported
  }
};

/** Whether Excel shows the custom functions' data types (cards): CustomFunctionsRuntime 1.4. */
export const officeDataTypes = (): boolean => {
  try {
    return Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.4");
  } catch {
    return false; // no Office context (a browser)
  }
};
