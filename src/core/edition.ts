import { msg } from "../i18n/messages";
import type { Answer, Provenance } from "./answer";
import { Dimension, type Named } from "./dimension";
import { IomError } from "./errors";
import type {
  Column,
  Discrepancy,
  Edition,
  EditionRoles,
  Fact,
  ProvedCell,
  Row,
  Table,
  Unavailable,
} from "./model";
import { normalizeName } from "./normalize";

/** The roles one table plays (all but the expenditure list). */
export type SingleRole = Exclude<keyof EditionRoles, "expenditure">;

export interface CellRef {
  table: Table;
  row: Row;
  column: Column;
  rowIndex: number;
  columnIndex: number;
}

const pathText = (path: readonly string[]): string => path.join(" › ");

const proofOf = (p: ProvedCell): NonNullable<Provenance["proof"]> => ({
  status: p.status,
  min: p.min,
  max: p.max,
  because: p.because,
  ...(p.discrepancy ? { discrepancy: p.discrepancy } : {}),
});

/** A discrepancy as one sentence pair: what is wrong (line), then why. */
const discrepancyText = (d: Discrepancy): string =>
  `${d.message.replace(/\.$/, "")} (line ${d.line}). ${d.explanation}`;

/**
 * One edition of the report, loaded once and indexed once: every lookup after this is
 * a hash lookup (tables by id/number/title, rows and columns by key, facts by key).
 */
export class EditionIndex {
  // Built on first use: a sheet of STAFF cells never needs the facts' 406 keys indexed.
  private tables_: Dimension<Table> | undefined;
  private facts_: Dimension<Fact> | undefined;
  private readonly tableById = new Map<string, Table>();
  private readonly rows = new Map<string, Map<string, number>>();
  private readonly columns = new Map<string, Map<string, number>>();
  private readonly discrepanciesByCell = new Map<string, Discrepancy[]>();
  private unavailableByName: Map<string, Unavailable> | undefined;
  /** The manual fix that set each cell, by "table|row|column". */
  private readonly fixByCell = new Map<string, { id: string; derived: boolean }>();
  /** Forced and contradicted cells of the proved tables, by "table|row|column". */
  private readonly provedByCell = new Map<string, ProvedCell>();

  get tables(): Dimension<Table> {
    return (this.tables_ ??= new Dimension(
      "table",
      this.edition.tables.map((t): Named<Table> => ({ name: t.number, aliases: [t.id, t.title], value: t })),
    ));
  }

  get facts(): Dimension<Fact> {
    return (this.facts_ ??= new Dimension(
      "key",
      this.edition.facts.map((f): Named<Fact> => ({ name: f.key, value: f })),
    ));
  }

  constructor(readonly edition: Edition) {
    for (const t of edition.tables) {
      this.tableById.set(t.id, t);
      this.rows.set(t.id, new Map(t.rows.map((r, i) => [r.key, i])));
      this.columns.set(t.id, new Map(t.columns.map((c, i) => [c.key, i])));
    }
    for (const t of edition.tables)
      for (const p of t.proved ?? []) this.provedByCell.set(`${t.id}|${p.row}|${p.column}`, p);
    for (const f of edition.fixes)
      for (const c of f.cells)
        this.fixByCell.set(`${f.table}|${c.row}|${c.column}`, { id: f.id, derived: c.derived === true });
    for (const d of edition.discrepancies) {
      for (const k of [
        `${d.table}|${d.row ?? ""}|${d.column ?? ""}`,
        `${d.table}|${d.row ?? ""}|`,
        `${d.table}||${d.column ?? ""}`,
      ]) {
        const list = this.discrepanciesByCell.get(k) ?? [];
        list.push(d);
        this.discrepanciesByCell.set(k, list);
      }
    }
  }

  /**
   * The chart or unprinted table a name denotes ("Figure 9", "figure_9", "Annex I, section 2", its
   * title), when the report's text lost its numbers.
   */
  unavailable(name: string): Unavailable | undefined {
    if (!this.unavailableByName) {
      this.unavailableByName = new Map();
      for (const u of this.edition.unavailable) {
        const figure = /^figure_(\d+)$/.exec(u.id);
        const section = /^annex1_s(\d+)/.exec(u.id);
        const names = [u.id, u.title];
        if (figure) names.push(`Figure ${figure[1]}`);
        if (section) names.push(`Annex I, section ${section[1]}`, `Annex I section ${section[1]}`);
        for (const n of names) {
          const k = normalizeName(n);
          if (!this.unavailableByName.has(k)) this.unavailableByName.set(k, u);
        }
      }
    }
    return this.unavailableByName.get(normalizeName(name));
  }

  /** The entries with the edition's extra names for their dimension (meta.json's aliases) added. */
  withAliases<T>(dimension: string, entries: readonly Named<T>[]): Named<T>[] {
    const extra = this.edition.meta.aliases[dimension] ?? {};
    return entries.map((e) => {
      const more = extra[e.name];
      return more ? { ...e, aliases: [...(e.aliases ?? []), ...more] } : e;
    });
  }

  /** The table playing `role` in this edition, or undefined when the edition has none. */
  role(role: SingleRole): Table | undefined {
    const id = this.edition.meta.roles[role];
    return id === undefined ? undefined : this.table(id);
  }

  /** The table playing `role`; without one, the #N/A a function answers (this edition has no such table). */
  requireRole(role: SingleRole): Table {
    const t = this.role(role);
    if (!t) throw this.missing(role);
    return t;
  }

  /** The #N/A of a question this edition has no table for. */
  missing(role: keyof EditionRoles): IomError {
    return new IomError("no_figure", msg("edition_lacks", { edition: this.edition.edition, role }));
  }

  table(id: string): Table {
    const t = this.tableById.get(id);
    if (!t) throw new Error(`edition ${this.edition.edition} has no table "${id}"`);
    return t;
  }

  /** A cell by table id and row/column keys. Keys come from code, so a miss is a bug. */
  ref(tableId: string, rowKey: string, columnKey: string): CellRef {
    const table = this.table(tableId);
    const rowIndex = this.rows.get(tableId)?.get(rowKey);
    const columnIndex = this.columns.get(tableId)?.get(columnKey);
    const row = rowIndex === undefined ? undefined : table.rows[rowIndex];
    const column = columnIndex === undefined ? undefined : table.columns[columnIndex];
    if (!row || !column || rowIndex === undefined || columnIndex === undefined) {
      throw new Error(`${tableId} has no cell ${rowKey}/${columnKey}`);
    }
    return { table, row, column, rowIndex, columnIndex };
  }

  /**
   * The value of a cell with its provenance: the serving rule of the proved tables. A number is served
   * when printed in a certain position or forced by the totals (provenance names them); a contradicted
   * cell is served as printed with a warning at the cell (the range the totals allow, the discrepancy);
   * an undetermined cell is #N/A with its exact range and the certain combined figure. A blank is 0.
   */
  cell(ref: CellRef): Answer {
    const v = ref.row.cells[ref.columnIndex];
    if (v === "undetermined") {
      const u = ref.table.undetermined.find((x) => x.row === ref.row.key && x.column === ref.column.key);
      // Cells are named by row and column: several share a row label ("Central Africa" departures and destinations).
      const name = (row: string, column: string): string => {
        const r = this.ref(ref.table.id, row, column);
        return `${pathText(r.row.path)} / ${r.column.label}`;
      };
      const combined = u?.combined && {
        parts: u.combined.cells.map((c) => name(c.row, c.column)),
        value: u.combined.value,
        line: u.combined.line,
      };
      const reason = (u?.reason ?? "the conversion lost this cell").replace(/\.$/, "");
      throw new IomError(
        "no_figure",
        msg("undetermined", {
          table: ref.table.number,
          row: pathText(ref.row.path),
          column: ref.column.label,
          reason,
          ...(u?.min !== undefined && u.max !== undefined ? { range: { min: u.min, max: u.max } } : {}),
          ...(combined ? { combined } : {}),
        }),
        undefined,
        [],
        { table: ref.table.id, row: ref.row.key, column: ref.column.key },
      );
    }
    return { value: v ?? 0, provenance: this.provenanceOf(ref) };
  }

  describe(tableId: string, rowKey: string, columnKey: string): string {
    const r = this.ref(tableId, rowKey, columnKey);
    return `${pathText(r.row.path)} / ${pathText(r.column.path)}`;
  }

  lineOf(ref: CellRef): number {
    return ref.row.cellLines?.[ref.column.key] ?? ref.row.line;
  }

  provenanceOf(ref: CellRef): Provenance {
    const marks = new Set([...(ref.row.marks ?? [])]);
    // Lettered footnotes apply to the rows that carry the letter; the others ("*", "Note",
    // "Excluding:", unmarked source lines) to the whole table.
    const footnotes = ref.table.footnotes
      .filter((f) => marks.has(f.mark) || !/^[a-z0-9]$/i.test(f.mark))
      .map((f) => (f.mark.length > 1 ? `${f.mark} ${f.text}` : f.text));
    const fix = this.fixByCell.get(`${ref.table.id}|${ref.row.key}|${ref.column.key}`);
    const proved = this.provedByCell.get(`${ref.table.id}|${ref.row.key}|${ref.column.key}`);
    const discrepancies = [
      ...(this.discrepanciesByCell.get(`${ref.table.id}|${ref.row.key}|${ref.column.key}`) ?? []),
    ].map(discrepancyText);
    return {
      kind: "table",
      where: ref.table.number,
      title: ref.table.title,
      id: ref.table.id,
      row: pathText(ref.row.path),
      column: pathText(ref.column.path),
      lines: [this.lineOf(ref)],
      footnotes,
      qualifier: null,
      discrepancies,
      alsoIn: [],
      fixes: fix ? [fix] : [],
      notes: [],
      ...(proved ? { proof: proofOf(proved) } : {}),
    };
  }

  /** A fact in base units (USD, not USD million; persons, not million persons), so it can be multiplied safely. */
  fact(key: string): Answer {
    const f = this.facts.resolve(key).value;
    return { value: f.base?.value ?? f.value, provenance: this.factProvenance(f) };
  }

  factProvenance(f: Fact): Provenance {
    return {
      kind: "fact",
      where: `¶${f.paragraph}`,
      title: f.label,
      id: f.key,
      lines: [f.line],
      paragraph: f.paragraph,
      footnotes: [],
      qualifier: f.qualifier,
      discrepancies: this.edition.discrepancies
        .filter((d) => d.table === `fact:${f.key}`)
        .map(discrepancyText),
      alsoIn: [],
      fixes: [],
      notes: [
        f.base
          ? `printed as "${f.text}" (${f.value} ${f.unit}, ${f.year}); the value is in ${f.base.unit}: ${f.base.value}`
          : `printed as "${f.text}" (${f.unit}, ${f.year})`,
      ],
    };
  }
}
