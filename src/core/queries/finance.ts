import { msg } from "../../i18n/messages";
import type { Answer } from "../answer";
import { isAll, nameArg, yearArg, type Arg } from "../args";
import { Dimension, type Named } from "../dimension";
import type { CellRef, EditionIndex } from "../edition";
import type { Table } from "../model";
import { normalizeName } from "../normalize";
import { mostPrecise, noFigure } from "./common";

/** One expenditure line, and the cells of every table that print it, by year. */
interface Item {
  name: string;
  /** year → cells printing that year's figure (main table first). */
  cells: Map<number, CellRef[]>;
}

/** The projects tables' columns: the count, and the operational expenditure beside it. */
const PROJECTS = "number_of_projects";
const OPERATIONAL = "operational_expenditure_usd_million";

const yearOfColumn = (key: string): number | undefined => {
  const m = /^y(\d{4})$/.exec(key);
  return m ? Number(m[1]) : undefined;
};

export class FinanceQuery {
  readonly item: Dimension<Item>;
  readonly region: Dimension<string>;
  readonly service: Dimension<string>;
  /** The years some expenditure table covers, first to last. */
  readonly years: number[];
  private readonly s5: Table | undefined;
  private readonly s6: Table | undefined;
  private readonly s8: Table | undefined;
  private readonly canonical: (label: string) => string;

  constructor(private readonly index: EditionIndex) {
    const meta = index.edition.meta;
    const same = meta.sameAs.item ?? {};
    const canonical = (label: string): string => {
      const n = normalizeName(label);
      return same[n] ?? n;
    };
    this.canonical = canonical;
    const aliases = meta.aliases.item ?? {};
    this.s5 = index.role("projectsByRegion");
    this.s6 = index.role("projectsByService");
    this.s8 = index.role("projectsByServiceAndRegion");
    const items = new Map<string, Item>();
    const add = (label: string, year: number, ref: CellRef): void => {
      const k = canonical(label);
      const item = items.get(k) ?? {
        name:
          k === "total"
            ? "Total"
            : k === "administrative"
              ? "Administrative"
              : k === "operational"
                ? "Operational"
                : label,
        cells: new Map<number, CellRef[]>(),
      };
      items.set(k, item);
      item.cells.set(year, [...(item.cells.get(year) ?? []), ref]);
    };
    // Main tables first: the edition lists the most precise (more decimals) before those that round.
    for (const role of meta.roles.expenditure ?? []) {
      const t = index.table(role.table);
      t.rows.forEach((r) => {
        const label = r.key === "total" && role.totalItem ? role.totalItem : r.label;
        for (const c of t.columns) {
          const year = yearOfColumn(c.key);
          if (year) add(label, year, index.ref(t.id, r.key, c.key));
        }
      });
    }
    // The projects tables print each item's operational expenditure of the report's year too.
    for (const t of [this.s5, this.s6]) {
      if (!t?.columns.some((c) => c.key === OPERATIONAL)) continue;
      for (const r of t.rows)
        add(
          r.key === "total" ? "Operational programmes" : r.label,
          meta.year,
          index.ref(t.id, r.key, OPERATIONAL),
        );
    }
    this.item = new Dimension(
      "item",
      [...items].map(([k, value]) => ({ name: value.name, aliases: [k, ...(aliases[k] ?? [])], value })),
    );
    this.years = [...new Set([...items.values()].flatMap((i) => [...i.cells.keys()]))].sort((a, b) => a - b);
    const named = (rows: readonly { key: string; label: string }[]): Named<string>[] =>
      rows
        .filter((r) => r.key !== "total")
        .map((r) => ({
          name: r.label,
          aliases: [canonical(r.label), ...(aliases[canonical(r.label)] ?? [])],
          value: r.key,
        }));
    this.region = new Dimension("region", named(this.s5?.rows ?? []));
    this.service = new Dimension("service", named(this.s6?.rows ?? []));
  }

  expenditure(itemArg: Arg, yearArgument: Arg): Answer {
    const name = nameArg(itemArg, "item", "Total");
    if (this.years.length === 0) throw this.index.missing("expenditure");
    const year =
      yearArg(yearArgument, "year", this.years[0] as number, this.years[this.years.length - 1] as number) ??
      this.index.edition.meta.year;
    const item = isAll(name) ? this.item.resolve("Total").value : this.item.resolve(name as string).value;
    const refs = item.cells.get(year);
    if (!refs) {
      const years = [...item.cells.keys()].sort();
      throw noFigure(msg("expenditure_years", { item: item.name, years, year }));
    }
    return mostPrecise(refs.map((r) => this.index.cell(r)));
  }

  projects(regionArg: Arg, serviceArg: Arg): Answer {
    const regionName = nameArg(regionArg, "region", "Europe");
    const serviceName = nameArg(serviceArg, "service", "Regulating Migration");
    const region = isAll(regionName) ? undefined : this.region.resolve(regionName as string).value;
    const service = isAll(serviceName) ? undefined : this.service.resolve(serviceName as string).value;
    const s5 = this.s5;
    const s6 = this.s6;
    if (region && service) {
      const s8 = this.s8 ?? this.index.requireRole("projectsByServiceAndRegion");
      const label = s5?.rows.find((r) => r.key === region)?.label ?? "";
      const col = s8.columns.find((c) => this.canonical(c.label) === this.canonical(label));
      if (!col) throw new Error(`${s8.id} has no column for region ${region}`);
      return this.index.cell(this.index.ref(s8.id, service, col.key));
    }
    if (region && s5) return this.index.cell(this.index.ref(s5.id, region, PROJECTS));
    if (service && s6) return this.index.cell(this.index.ref(s6.id, service, PROJECTS));
    const totals = [s5, s6].filter((t): t is Table => t !== undefined);
    if (totals.length === 0) throw this.index.missing("projectsByRegion");
    return mostPrecise(totals.map((t) => this.index.cell(this.index.ref(t.id, "total", PROJECTS))));
  }
}
