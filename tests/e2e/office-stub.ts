/**
 * The stub Office host served in place of office.js from Microsoft's CDN: Office.onReady, the
 * display language, requirement sets, CustomFunctions.associate (so the real functions bundle
 * registers its functions, which then compute the values formula cells show) and Excel.run over
 * the recording fake workbook of tests/taskpane/fake-excel.ts, exposed as window.__iom.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface StubOptions {
  displayLanguage: string;
  /** "Excel", another host, or null (opened in a browser). */
  host?: string | null;
  /** Highest ExcelApi version the host claims, e.g. "1.17". */
  excelApi?: string;
  /**
   * A call the stub makes as soon as its function is registered, as Excel recalculating a sheet
   * would: its result and the time it came (ms since navigation) go to window.__iom.probe.
   */
  probe?: { id: string; args: unknown[] } | null;
}

let fakeJs: string | undefined;

/** fake-excel.ts as browser JavaScript (it has no imports, so one transpile is enough). */
function fakeWorkbookJs(): string {
  fakeJs ??= ts.transpileModule(readFileSync(join(__dirname, "../taskpane/fake-excel.ts"), "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return fakeJs;
}

/** In-browser part of the stub, kept as a plain function so TypeScript checks it; serialized below. */
function install(options: Required<StubOptions>, exportsOfFake: Record<string, unknown>): void {
  type Fn = (...args: unknown[]) => unknown;
  const FakeWorkbook = exportsOfFake.FakeWorkbook as new () => {
    run: (batch: unknown) => Promise<unknown>;
    evaluate: (formula: string) => unknown;
  };
  const wb = new FakeWorkbook();
  const functions: Record<string, Fn> = {};
  /** When each function was registered (ms since navigation). */
  const registeredAt: Record<string, number> = {};
  const w = window as unknown as Record<string, unknown>;
  const state: Record<string, unknown> = { wb, functions, registeredAt };
  w.__iom = state;

  /** Literal arguments of =IOM.NAME("a",1,,TRUE). */
  const parseArgs = (body: string): unknown[] => {
    const args: unknown[] = [];
    let i = 0;
    for (;;) {
      while (body[i] === " ") i++;
      if (body[i] === '"') {
        let s = "";
        i++;
        while (i < body.length) {
          if (body[i] === '"' && body[i + 1] === '"') {
            s += '"';
            i += 2;
          } else if (body[i] === '"') {
            i++;
            break;
          } else s += body[i++];
        }
        args.push(s);
      } else {
        let raw = "";
        while (i < body.length && body[i] !== ",") raw += body[i++];
        raw = raw.trim();
        args.push(
          raw === "" ? null : /^(true|false)$/i.test(raw) ? raw.toLowerCase() === "true" : Number(raw),
        );
      }
      while (body[i] === " ") i++;
      if (i >= body.length) break;
      i++; // the comma
      if (i >= body.length) {
        args.push(null);
        break;
      }
    }
    return body.trim() === "" ? [] : args;
  };

  wb.evaluate = (formula: string): unknown => {
    if (/^=NA\(\)$/i.test(formula)) return "#N/A";
    const m = /^=(-?)IOM\.([A-Z_.]+)\((.*)\)$/i.exec(formula);
    const fn = m ? functions[(m[2] ?? "").toUpperCase()] : undefined;
    if (!m || !fn) return "#NAME?";
    try {
      const args = parseArgs(m[3] ?? "");
      while (args.length < fn.length) args.push(null);
      const v = fn(...args);
      return m[1] === "-" && typeof v === "number" ? -v : v;
    } catch (e) {
      return (e as { code?: string }).code ?? "#VALUE!";
    }
  };

  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  w.CustomFunctions = {
    associate: (id: string, fn: Fn): void => {
      functions[id.toUpperCase()] = fn;
      registeredAt[id.toUpperCase()] = performance.now();
      const probe = options.probe;
      if (probe && probe.id === id.toUpperCase()) {
        let value: unknown;
        try {
          value = fn(...probe.args);
        } catch (e) {
          value = (e as { code?: string }).code ?? String(e);
        }
        state.probe = { value, at: performance.now() };
      }
    },
    Error: CustomFunctionsError,
    ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
  };
  w.Excel = { run: (batch: unknown) => wb.run(batch) };
  const info = { host: options.host, platform: options.host === null ? null : "PC" };
  w.Office = {
    onReady: (callback?: (i: unknown) => void): Promise<unknown> => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage,
      requirements: {
        isSetSupported: (name: string, version?: string): boolean => {
          // "1.17" > "1.7": compare the minor numbers, not decimals.
          const minor = (v: string): number => Number(v.split(".")[1] ?? "0");
          return (
            options.host === "Excel" &&
            name === "ExcelApi" &&
            minor(version ?? "1.1") <= minor(options.excelApi)
          );
        },
      },
    },
  };
}

export function officeStubScript(options: StubOptions): string {
  const full: Required<StubOptions> = {
    displayLanguage: options.displayLanguage,
    host: options.host === undefined ? "Excel" : options.host,
    excelApi: options.excelApi ?? "1.17",
    probe: options.probe ?? null,
  };
  // tsx (esbuild) wraps functions in __name(...) to keep their names; give the browser that helper.
  return `(function () {
  var __name = function (f) { return f; };
  var exports = {};
  var module = { exports: exports };
${fakeWorkbookJs()}
  (${install.toString()})(${JSON.stringify(full)}, module.exports);
})();`;
}
