/**
 * The IOM_<table> tables of a workbook (inserted by the add-in or `iom export`): where their
 * number cells are, whether they still have the report's shape (size, column headers, row
 * labels), and which of their cells change. The shape comes from the core through evaluate.ts.
 */
import { sameValue, showValue, type CellValue } from "./cell-values";
import { normalizeLabel, tableShape, type TableShape } from "./evaluate";
import type { TablePart } from "./package-parts";
import { cellKey, parseBox, type Box, type TableWatch } from "./sheet-reader";
import { Status, type Targets } from "./targets";

export interface TableReport {
  sheet: string;
  name: string;
  status: "updated" | "current" | "skipped" | "refused";
  changed: number;
  reason?: string;
}

/** One IOM table being refreshed. */
export interface TableState {
  index: number;
  sheetIndex: number;
  sheetName: string;
  part: TablePart;
  shape: TableShape;
  watch: TableWatch;
  labelColumns: number;
  /** Facts tables: the key and value columns' offsets in the table. */
  keyCol: number;
  valueCol: number;
  report: TableReport;
}

/** What the table checks read and write. */
export interface TableContext {
  plan: { tables: TableReport[]; refusedTables: string[]; notes: string[] };
  targets: Targets;
  force: boolean;
  sst: Map<number, string>;
  /** A cell value with shared strings looked up. */
  value(v: CellValue | { sst: number } | undefined): CellValue;
}

const quoteSheet = (sheet: string): string =>
  /^[A-Za-z0-9_.]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

/** Reads a table part's range and columns against the report's shape; undefined when it is not refreshed. */
export function prepareTable(
  sheetName: string,
  sheetIndex: number,
  part: TablePart,
  index: number,
  ctx: TableContext,
): TableState | undefined {
  if (!/^IOM_/i.test(part.name)) return undefined;
  const report: TableReport = { sheet: sheetName, name: part.name, status: "skipped", changed: 0 };
  ctx.plan.tables.push(report);
  const shape = tableShape(part.name);
  if (!shape) {
    report.reason = `no report table has the id "${part.name.slice(4)}" (see \`iom tables\`)`;
    return undefined;
  }
  const box = parseBox(part.ref);
  if (!box) {
    report.reason = `its range "${part.ref}" can't be read`;
    return undefined;
  }
  const body: Box = { ...box, top: box.top + part.headerRows, bottom: box.bottom - part.totalsRows };
  const width = box.right - box.left + 1;
  const rows = body.bottom - body.top + 1;
  const refused = (why: string): undefined => {
    report.status = "refused";
    report.reason = why;
    ctx.plan.refusedTables.push(`${quoteSheet(sheetName)} ${part.name}: ${why}`);
    return undefined;
  };
  let labelColumns = 0;
  let keyCol = -1;
  let valueCol = -1;
  let targetBox: Box;
  if (shape.kind === "facts") {
    const names = part.columns.map((c) => c.toLowerCase());
    keyCol = names.indexOf("key");
    valueCol = names.indexOf("value");
    if (keyCol < 0 || valueCol < 0) return refused(`it has no "key" and "value" columns any more`);
    targetBox = { ...body, left: box.left + valueCol, right: box.left + valueCol };
  } else {
    labelColumns = width - shape.numberColumns;
    if (labelColumns < 0 || rows !== shape.rows)
      return refused(
        `its shape changed: the report's ${shape.title} has ${shape.rows} rows × ${shape.numberColumns} number columns, the table has ${rows} rows × ${width} columns`,
      );
    for (let j = 0; j < shape.numberColumns; j++) {
      const found = normalizeLabel(part.columns[labelColumns + j]);
      if (!(shape.headers[j] ?? []).includes(found))
        return refused(
          `column ${labelColumns + j + 1} is headed "${part.columns[labelColumns + j] ?? ""}", not "${shape.headers[j]?.[1] ?? ""}": columns were moved or renamed`,
        );
    }
    targetBox = { ...body, left: box.left + labelColumns };
  }
  const labelBox: Box =
    shape.kind === "facts"
      ? { ...body, left: box.left + keyCol, right: box.left + keyCol }
      : { ...body, right: box.left + Math.max(0, labelColumns - 1) };
  const watch: TableWatch = { index, body: targetBox, labelBox, labels: new Map() };
  return { index, sheetIndex, sheetName, part, shape, watch, labelColumns, keyCol, valueCol, report };
}

/** Checks a table's row labels, then plans the values of its number cells (`own`: its targets). */
export function checkTable(t: TableState, own: number[], protectedSheet: boolean, ctx: TableContext): void {
  const targets = ctx.targets;
  const body = t.watch.body;
  const skipAll = (status: Status): void => {
    for (const i of own) targets.status[i] = status;
  };
  if (t.shape.kind === "report") {
    for (let i = 0; i < t.shape.rows; i++) {
      const want = t.shape.rowLabels[i] ?? "";
      const labels: string[] = [];
      for (let k = 0; k < t.labelColumns; k++) {
        const v = ctx.value(t.watch.labels.get(cellKey(body.top + i, t.watch.labelBox.left + k)));
        labels.push(normalizeLabel(v === null ? "" : showValue(v).replace(/^"|"$/g, "")));
      }
      if (
        t.labelColumns > 0 &&
        !labels.some((l) => l === want || l.endsWith(` ${want}`) || l.endsWith(`› ${want}`))
      ) {
        skipAll(Status.Skipped);
        const why = `row ${i + 1} is labelled "${labels.filter(Boolean).join(" / ")}", not "${want}": rows were moved or edited`;
        t.report.status = "refused";
        t.report.reason = why;
        ctx.plan.refusedTables.push(`${quoteSheet(t.sheetName)} ${t.part.name}: ${why}`);
        return;
      }
    }
  }
  if (protectedSheet && !ctx.force) {
    skipAll(Status.Skipped);
    t.report.reason =
      "its sheet is protected: its numbers are left as they are (--force updates them anyway)";
    ctx.plan.notes.push(
      `${quoteSheet(t.sheetName)} is protected: formula results on it are refreshed, the numbers of ${t.part.name} are not (run with --force to update them too); the protection is kept`,
    );
    return;
  }
  let changed = 0;
  for (const i of own) {
    const row = targets.row[i] as number;
    const col = targets.col[i] as number;
    let want: CellValue;
    if (t.shape.kind === "facts") {
      const key = ctx.value(t.watch.labels.get(cellKey(row, t.watch.labelBox.left)));
      const v = typeof key === "string" ? t.shape.values.get(key) : undefined;
      if (v === undefined) {
        targets.status[i] = Status.Skipped;
        continue;
      }
      want = v;
    } else want = t.shape.body[row - body.top]?.[col - body.left] ?? null;
    const cached = targets.cachedValue(i, ctx.sst);
    if (sameValue(cached, want) && targets.sstIndex(i) < 0) targets.status[i] = Status.Current;
    else if (want === null && cached === null) targets.status[i] = Status.Current;
    else {
      targets.status[i] = Status.Changed;
      targets.setNext(i, want);
      changed++;
    }
  }
  t.report.changed = changed;
  t.report.status = changed > 0 ? "updated" : "current";
}
