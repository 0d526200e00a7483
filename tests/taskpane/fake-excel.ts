/**
 * A recording fake of the part of Excel's object model the task pane uses, with Excel's batching:
 * writes are queued and applied at context.sync(), loaded properties are readable only after the
 * sync that loads them, and errors surface at sync with Office's error codes. It records every
 * operation, counts syncs and remembers every cell written, so tests can assert that pre-filled
 * cells were never touched.
 *
 * Self-contained on purpose (no imports): the end-to-end test transpiles this file and injects it
 * into the browser as the stub Office host.
 */

export interface FakeCell {
  /** A formula ("=…") or a constant; "" is empty. */
  formula: string | number | boolean;
  numberFormat: string;
}

export interface FakeChart {
  name: string;
  type: string;
  sheet: string;
  dataAddress: string;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Every property set and method called on the chart, by path ("title.text", "setPosition"). */
  props: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  style: string;
  showFilterButton: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  protected: boolean;
}

export interface Op {
  op: string;
  [key: string]: unknown;
}

export interface OfficeLikeError extends Error {
  code: string;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Default cell size in points (Excel's Calibri 11 defaults). */
const COL_WIDTH = 48;
const ROW_HEIGHT = 15;

function officeError(code: string, message: string): OfficeLikeError {
  const e = new Error(message) as OfficeLikeError;
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function a1(r: Rect): string {
  const first = `${colName(r.col)}${r.row + 1}`;
  return r.rows === 1 && r.cols === 1 ? first : `${first}:${colName(r.col + r.cols - 1)}${r.row + r.rows}`;
}

function quote(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function parseLocal(address: string): Rect {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!m) throw officeError("InvalidArgument", `The argument is invalid or missing: address "${address}"`);
  const c1 = colIndex(m[1] ?? "A");
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

const key = (row: number, col: number): string => `${row},${col}`;
const isEmpty = (c: FakeCell | undefined): boolean =>
  c === undefined || c.formula === "" || c.formula === null;
const overlap = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

/** A queued step of a batch: applied, in order, at the next sync. */
type Step = () => void;

/** Properties readable after load + sync; reading one earlier throws, as Office.js does. */
class Loadable {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  /** Properties every load brings along (isNullObject of *OrNullObject results). */
  protected extraLoads: string[] = [];
  constructor(protected readonly ctx: FakeContext) {}
  /** Marks properties as loaded now (items of a collection loaded with "items/…"). */
  prime(props: readonly string[]): void {
    for (const p of props) {
      this.data[p] = this.read(p);
      this.loaded.add(p);
    }
  }
  load(props: string | string[] = ""): this {
    const list = [...(Array.isArray(props) ? props : props.split(",")), ...this.extraLoads]
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.ctx.queue(
      () => {
        for (const p of list) {
          this.data[p] = this.read(p);
          this.loaded.add(p);
        }
      },
      { op: "load", what: this.describe(), props: list.join(",") },
    );
    return this;
  }
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop))
      throw officeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.data[prop];
  }
  protected read(_prop: string): unknown {
    return undefined;
  }
  protected describe(): string {
    return "object";
  }
}

/** Records property sets and method calls under a path: chart.title.text = "…", format.font.bold… */
function recorder(
  onSet: (path: string, value: unknown) => void,
  onCall: (path: string, args: unknown[]) => void,
  path = "",
): unknown {
  const target = function () {
    /* callable placeholder */
  };
  return new Proxy(target, {
    get: (_t, prop) => {
      if (typeof prop === "symbol") return undefined;
      if (prop === "then") return undefined; // not a promise
      return recorder(onSet, onCall, path ? `${path}.${prop}` : prop);
    },
    set: (_t, prop, value) => {
      if (typeof prop === "symbol") return false;
      onSet(path ? `${path}.${prop}` : prop, value);
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      onCall(path, args);
      return recorder(onSet, onCall, `${path}()`);
    },
  });
}

export class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly resolveAt: () => { sheet: string; rect: Rect },
    private readonly nullIfEmpty = false,
  ) {
    super(ctx);
    if (nullIfEmpty) this.extraLoads = ["isNullObject"];
  }
  private where(): { sheet: FakeSheet; rect: Rect } {
    const { sheet, rect } = this.resolveAt();
    const s = this.ctx.wb.sheet(sheet);
    if (rect.row < 0 || rect.col < 0 || rect.row + rect.rows > MAX_ROWS || rect.col + rect.cols > MAX_COLS)
      throw officeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    return { sheet: s, rect };
  }
  protected override describe(): string {
    try {
      const { sheet, rect } = this.resolveAt();
      return `${quote(sheet)}!${a1(rect)}`;
    } catch {
      return "range";
    }
  }
  protected override read(prop: string): unknown {
    if (prop === "isNullObject")
      return this.nullIfEmpty && this.ctx.wb.usedRect(this.resolveAt().sheet) === null;
    if (this.nullIfEmpty && this.ctx.wb.usedRect(this.resolveAt().sheet) === null) return undefined;
    const { sheet, rect } = this.where();
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: rect.rows }, (_, r) =>
        Array.from({ length: rect.cols }, (_, c) => f(sheet.cells.get(key(rect.row + r, rect.col + c)))),
      );
    switch (prop) {
      case "address":
        return `${quote(sheet.name)}!${a1(rect)}`;
      case "formulas":
        return grid((c) => (c ? c.formula : ""));
      case "values":
        return grid((c) => (c ? this.ctx.wb.valueOf(c) : ""));
      case "numberFormat":
        return grid((c) => (c ? c.numberFormat : "General"));
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "top":
        return rect.row * ROW_HEIGHT;
      case "left":
        return rect.col * COL_WIDTH;
      case "width":
        return rect.cols * COL_WIDTH;
      case "height":
        return rect.rows * ROW_HEIGHT;
      default:
        throw officeError("InvalidArgument", `unknown range property ${prop}`);
    }
  }
  get address(): string {
    return this.get("address") as string;
  }
  get formulas(): unknown[][] {
    return this.get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  get values(): unknown[][] {
    return this.get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v);
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get top(): number {
    return this.get("top") as number;
  }
  get left(): number {
    return this.get("left") as number;
  }
  get width(): number {
    return this.get("width") as number;
  }
  get height(): number {
    return this.get("height") as number;
  }
  get isNullObject(): boolean {
    return this.get("isNullObject") as boolean;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.resolveAt().sheet);
  }
  get format(): unknown {
    return recorder(
      (path, value) =>
        this.ctx.queue(
          () => {
            const { sheet, rect } = this.where();
            this.ctx.wb.formats.push({ sheet: sheet.name, address: a1(rect), path, value });
          },
          { op: "format", address: this.describe(), path, value },
        ),
      (path, args) =>
        this.ctx.queue(
          () => {
            this.where();
          },
          { op: "format.call", address: this.describe(), path, args },
        ),
    );
  }
  private write(prop: "formulas" | "values" | "numberFormat", v: unknown[][]): void {
    this.ctx.queue(
      () => {
        const { sheet, rect } = this.where();
        if (sheet.protected)
          throw officeError("AccessDenied", "The cell or chart you're trying to change is protected.");
        if (
          !Array.isArray(v) ||
          v.length !== rect.rows ||
          v.some((r) => !Array.isArray(r) || r.length !== rect.cols)
        )
          throw officeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${a1(rect)}).`,
          );
        v.forEach((row, r) =>
          row.forEach((value, c) => {
            const k = key(rect.row + r, rect.col + c);
            const cell = sheet.cells.get(k) ?? { formula: "", numberFormat: "General" };
            if (prop === "numberFormat") cell.numberFormat = String(value);
            else cell.formula = value as FakeCell["formula"];
            sheet.cells.set(k, cell);
            this.ctx.wb.written.add(`${sheet.name}!${k}`);
          }),
        );
      },
      { op: `range.${prop}`, address: this.describe(), rows: v.length, cols: v[0]?.length ?? 0 },
    );
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.resolveAt();
      return { sheet, rect: { row: rect.row + row, col: rect.col + col, rows: 1, cols: 1 } };
    });
  }
  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.resolveAt();
      return { sheet, rect: { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaCols } };
    });
  }
  select(): void {
    this.ctx.queue(
      () => {
        const { sheet, rect } = this.where();
        this.ctx.wb.selection = { sheet: sheet.name, ...rect };
        this.ctx.wb.active = sheet.name;
      },
      { op: "select", address: this.describe() },
    );
  }
  calculate(): void {
    this.ctx.queue(
      () => {
        this.where();
      },
      { op: "calculate", address: this.describe() },
    );
  }
  /** The rectangle (for the fake's own bookkeeping). */
  resolve(): { sheet: string; rect: Rect } {
    return this.resolveAt();
  }
}

class FakeChartObject extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly chart: () => FakeChart,
  ) {
    super(ctx);
    return new Proxy(this, {
      get: (t, prop, receiver) => {
        if (typeof prop === "symbol" || prop in t) return Reflect.get(t, prop, receiver) as unknown;
        return recorder(
          (path, value) => this.set(`${prop}.${path}`, value),
          (path, args) => this.set(`${prop}${path ? `.${path}` : ""}()`, args),
        ) as Record<string, unknown>;
      },
      set: (t, prop, value, receiver) => {
        if (typeof prop === "symbol" || prop in t) return Reflect.set(t, prop, value, receiver);
        this.set(prop, value);
        return true;
      },
    });
  }
  private set(path: string, value: unknown): void {
    this.ctx.queue(
      () => {
        const c = this.chart();
        if (path === "name") c.name = String(value);
        c.props[path] = value;
      },
      { op: "chart.set", path, value },
    );
  }
  protected override read(prop: string): unknown {
    const c = this.chart();
    return (c as unknown as Record<string, unknown>)[prop];
  }
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.queue(
      () => {
        const c = this.chart();
        const s = parseLocal(startCell);
        const e = parseLocal(endCell ?? startCell);
        c.top = s.row * ROW_HEIGHT;
        c.left = s.col * COL_WIDTH;
        c.height = (e.row - s.row + 1) * ROW_HEIGHT;
        c.width = (e.col - s.col + 1) * COL_WIDTH;
        c.props.setPosition = [startCell, endCell];
      },
      { op: "chart.setPosition", startCell, endCell },
    );
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(v: string) {
    this.set("name", v);
  }
  get top(): number {
    return this.get("top") as number;
  }
  get left(): number {
    return this.get("left") as number;
  }
  get width(): number {
    return this.get("width") as number;
  }
  get height(): number {
    return this.get("height") as number;
  }
}

class FakeCollection<T extends Loadable> extends Loadable {
  private snapshot: T[] = [];
  constructor(
    ctx: FakeContext,
    private readonly list: () => T[],
    private readonly label: string,
  ) {
    super(ctx);
  }
  override load(props: string | string[] = ""): this {
    const itemProps = (Array.isArray(props) ? props : props.split(","))
      .map((p) => p.trim())
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    this.ctx.queue(
      () => {
        this.snapshot = this.list();
        for (const item of this.snapshot) item.prime(itemProps);
        this.loaded.add("items");
      },
      { op: "load", what: this.label, props: itemProps.join(",") },
    );
    return this;
  }
  get items(): T[] {
    if (!this.loaded.has("items"))
      throw officeError("PropertyNotLoaded", `The property 'items' is not available (${this.label}).`);
    return this.snapshot;
  }
}

export class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: () => string,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop === "name") return this.ctx.wb.sheet(this.sheetName()).name;
    return undefined;
  }
  get name(): string {
    return this.get("name") as string;
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheetName(), rect: parseLocal(address) }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => ({
        sheet: this.sheetName(),
        rect: this.ctx.wb.usedRect(this.sheetName()) ?? { row: 0, col: 0, rows: 1, cols: 1 },
      }),
      true,
    );
  }
  activate(): void {
    this.ctx.queue(
      () => {
        this.ctx.wb.active = this.ctx.wb.sheet(this.sheetName()).name;
      },
      { op: "worksheet.activate" },
    );
  }
  get charts(): unknown {
    const ctx = this.ctx;
    const sheetName = this.sheetName;
    const collection = new FakeCollection<FakeChartObject>(
      ctx,
      () =>
        ctx.wb.charts.filter((c) => c.sheet === sheetName()).map((c) => new FakeChartObject(ctx, () => c)),
      "charts",
    );
    return Object.assign(collection, {
      add: (type: string, source: FakeRange, seriesBy?: string): FakeChartObject => {
        let created: FakeChart | undefined;
        ctx.queue(
          () => {
            const { sheet, rect } = source.resolve();
            ctx.wb.sheet(sheet);
            created = {
              name: `Chart ${ctx.wb.charts.length + 1}`,
              type,
              sheet: sheetName(),
              dataAddress: a1(rect),
              top: 0,
              left: 0,
              width: 360,
              height: 216,
              props: { seriesBy },
            };
            ctx.wb.charts.push(created);
          },
          { op: "charts.add", type, seriesBy },
        );
        return new FakeChartObject(ctx, () => {
          if (!created) throw officeError("GeneralException", "chart not created yet");
          return created;
        });
      },
    });
  }
  get tables(): { add(address: string, hasHeaders: boolean): FakeTableObject } {
    return {
      add: (address: string, hasHeaders: boolean): FakeTableObject => {
        let created: FakeTable | undefined;
        this.ctx.queue(
          () => {
            const sheet = this.ctx.wb.sheet(this.sheetName());
            const rect = parseLocal(address.includes("!") ? (address.split("!").pop() ?? address) : address);
            if (this.ctx.wb.tables.some((t) => t.sheet === sheet.name && overlap(t, rect)))
              throw officeError("InvalidOperation", "A table can't overlap another table.");
            created = {
              name: `Table${this.ctx.wb.tables.length + 1}`,
              sheet: sheet.name,
              ...rect,
              style: "TableStyleMedium2",
              showFilterButton: true,
            };
            // Excel makes table headings unique text, renaming repeats ("F" → "F2").
            const seen = new Set<string>();
            for (let c = 0; c < rect.cols; c++) {
              const k = key(rect.row, rect.col + c);
              const cell = sheet.cells.get(k) ?? { formula: "", numberFormat: "General" };
              let h = String(cell.formula === "" ? `Column${c + 1}` : cell.formula);
              for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${String(cell.formula)}${n}`;
              seen.add(h.toLowerCase());
              if (h !== cell.formula) {
                cell.formula = h;
                sheet.cells.set(k, cell);
                this.ctx.wb.renamedHeadings.push(
                  `${sheet.name}!${a1({ row: rect.row, col: rect.col + c, rows: 1, cols: 1 })}`,
                );
              }
            }
            this.ctx.wb.tables.push(created);
          },
          { op: "tables.add", address, hasHeaders },
        );
        return new FakeTableObject(this.ctx, () => {
          if (!created) throw officeError("GeneralException", "table not created yet");
          return created;
        });
      },
    };
  }
}

export class FakeTableObject extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly table: () => FakeTable,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    return (this.table() as unknown as Record<string, unknown>)[prop];
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(v: string) {
    this.ctx.queue(
      () => {
        const t = this.table();
        if (this.ctx.wb.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()))
          throw officeError("ItemAlreadyExists", `A table named ${v} already exists.`);
        t.name = v;
      },
      { op: "table.name", value: v },
    );
  }
  set style(v: string) {
    this.ctx.queue(() => void (this.table().style = v), { op: "table.style", value: v });
  }
  set showFilterButton(v: boolean) {
    this.ctx.queue(() => void (this.table().showFilterButton = v), {
      op: "table.showFilterButton",
      value: v,
    });
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, rect: { row: t.row + 1, col: t.col, rows: t.rows - 1, cols: t.cols } };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, rect: { row: t.row, col: t.col, rows: 1, cols: t.cols } };
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, rect: { row: t.row, col: t.col, rows: t.rows, cols: t.cols } };
    });
  }
}

class FakeSetting extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly settingKey: string,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return !this.ctx.wb.settings.has(this.settingKey);
    if (prop === "value") return this.ctx.wb.settings.get(this.settingKey);
    return undefined;
  }
  protected override extraLoads = ["isNullObject"];
  get value(): unknown {
    return this.get("value");
  }
  get isNullObject(): boolean {
    return this.get("isNullObject") as boolean;
  }
}

export class FakeContext {
  private pending: { step: Step; op: Op }[] = [];
  constructor(readonly wb: FakeWorkbook) {}
  queue(step: Step, op: Op): void {
    this.pending.push({ step, op });
  }
  async sync(): Promise<void> {
    await Promise.resolve();
    const steps = this.pending;
    this.pending = [];
    this.wb.syncs++;
    this.wb.ops.push({ op: "sync", n: this.wb.syncs });
    const failure = this.wb.failNextSync;
    if (failure) {
      this.wb.failNextSync = undefined;
      throw officeError(failure.code, failure.message);
    }
    for (const { step, op } of steps) {
      this.wb.ops.push(op);
      step(); // an error stops the batch here, as in Excel
    }
  }
  get workbook(): unknown {
    const wb = this.wb;
    return {
      getSelectedRange: (): FakeRange =>
        new FakeRange(this, () => ({
          sheet: wb.selection.sheet,
          rect: {
            row: wb.selection.row,
            col: wb.selection.col,
            rows: wb.selection.rows,
            cols: wb.selection.cols,
          },
        })),
      worksheets: Object.assign(
        new FakeCollection<FakeWorksheet>(
          this,
          () => wb.sheets.map((s) => new FakeWorksheet(this, () => s.name)),
          "worksheets",
        ),
        {
          getItem: (name: string): FakeWorksheet => new FakeWorksheet(this, () => wb.sheet(name).name),
          getActiveWorksheet: (): FakeWorksheet => new FakeWorksheet(this, () => wb.active),
          add: (name: string): FakeWorksheet => {
            this.queue(
              () => {
                if (/[:\\/?*[\]]/.test(name) || name.length > 31 || name === "")
                  throw officeError("InvalidArgument", `invalid sheet name ${name}`);
                if (wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
                  throw officeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
                wb.sheets.push({ name, cells: new Map(), protected: false });
              },
              { op: "worksheets.add", name },
            );
            return new FakeWorksheet(this, () => wb.sheet(name).name);
          },
        },
      ),
      tables: Object.assign(
        new FakeCollection<FakeTableObject>(
          this,
          () => wb.tables.map((t) => new FakeTableObject(this, () => t)),
          "tables",
        ),
        {
          getItem: (name: string): FakeTableObject =>
            new FakeTableObject(this, () => {
              const t = wb.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
              if (!t) throw officeError("ItemNotFound", `The requested table ${name} doesn't exist.`);
              return t;
            }),
        },
      ),
      onSelectionChanged: {
        add: (handler: () => Promise<void>): { remove: () => void } => {
          this.queue(() => void wb.selectionHandlers.push(handler), { op: "onSelectionChanged.add" });
          return {
            remove: () => void (wb.selectionHandlers = wb.selectionHandlers.filter((h) => h !== handler)),
          };
        },
      },
      settings: {
        getItemOrNullObject: (k: string): FakeSetting => new FakeSetting(this, k),
        add: (k: string, value: unknown): void =>
          this.queue(() => void wb.settings.set(k, value), { op: "settings.add", key: k }),
      },
    };
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [{ name: "Sheet1", cells: new Map(), protected: false }];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  settings = new Map<string, unknown>();
  formats: { sheet: string; address: string; path: string; value: unknown }[] = [];
  selection = { sheet: "Sheet1", row: 0, col: 0, rows: 1, cols: 1 };
  active = "Sheet1";
  ops: Op[] = [];
  syncs = 0;
  /** Every cell ever written, as "Sheet!row,col". */
  written = new Set<string>();
  renamedHeadings: string[] = [];
  failNextSync: { code: string; message: string } | undefined;
  /** The value a formula cell shows; the e2e stub plugs the real functions in. */
  evaluate: (formula: string) => unknown = () => 0;

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw officeError("ItemNotFound", `The requested worksheet ${name} doesn't exist.`);
    return s;
  }

  valueOf(c: FakeCell): unknown {
    return typeof c.formula === "string" && c.formula.startsWith("=") ? this.evaluate(c.formula) : c.formula;
  }

  /** The values-only used range of a sheet, or null when it holds no value. */
  usedRect(sheetName: string): Rect | null {
    const s = this.sheet(sheetName);
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of s.cells) {
      if (isEmpty(cell)) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Puts content in a cell directly (test setup, not an Excel operation). */
  setCell(sheet: string, address: string, formula: FakeCell["formula"]): void {
    const r = parseLocal(address);
    this.sheet(sheet).cells.set(key(r.row, r.col), { formula, numberFormat: "General" });
  }

  /** A cell's content ("" when empty). */
  cell(sheet: string, address: string): FakeCell["formula"] {
    const r = parseLocal(address);
    return this.sheet(sheet).cells.get(key(r.row, r.col))?.formula ?? "";
  }

  /** The contents of a rectangle, row by row. */
  grid(sheet: string, address: string): FakeCell["formula"][][] {
    const r = parseLocal(address);
    const s = this.sheet(sheet);
    return Array.from({ length: r.rows }, (_, i) =>
      Array.from({ length: r.cols }, (_, j) => s.cells.get(key(r.row + i, r.col + j))?.formula ?? ""),
    );
  }

  /** The user selects a range: the selection moves and Workbook.onSelectionChanged handlers run. */
  select(sheet: string, address: string): void {
    const r = parseLocal(address);
    this.selection = { sheet, ...r };
    this.active = sheet;
    for (const h of this.selectionHandlers) void h();
  }

  /** Handlers added through Workbook.onSelectionChanged (registered when their batch syncs). */
  selectionHandlers: (() => Promise<void>)[] = [];

  addSheet(name: string): void {
    this.sheets.push({ name, cells: new Map(), protected: false });
  }

  /** Adds a chart directly (test setup): a user's chart the pane must not cover. */
  addChart(
    sheet: string,
    name: string,
    box: { top: number; left: number; width: number; height: number },
  ): void {
    this.charts.push({ name, type: "Line", sheet, dataAddress: "A1", ...box, props: {} });
  }

  /** Excel.run's shape, over this workbook. */
  run = <T>(batch: (context: never) => Promise<T>): Promise<T> => batch(new FakeContext(this) as never);

  /** Ops since index `from`, without loads (what was written). */
  writesSince(from: number): Op[] {
    return this.ops.slice(from).filter((o) => !o.op.startsWith("load"));
  }
}

export const fakeA1 = { a1, parseLocal, colName };
