import { msg } from "../../i18n/messages";
import type { Answer } from "../answer";
import { isAll, nameArg, yearArg, type Arg } from "../args";
import { Dimension, type Named } from "../dimension";
import type { CellRef, EditionIndex } from "../edition";
import { normalizeName } from "../normalize";
import { mostPrecise, noFigure } from "./common";

/** One expenditure line, and the cells of every table that print it, by year. */
interface Item {
  name: string;
  /** year → cells printing that year's figure (main table first). */
  cells: Map<number, CellRef[]>;
}

const FIRST_YEAR = 2007;
const LAST_YEAR = 2011;
const DEFAULT_YEAR = 2011;

/** Labels that differ between the V.B tables and Annex I but name one thing. */
const SAME: Record<string, string> = {
  "global activities": "global support services",
  "general programme support services": "general programme support",
  "latin america and the carib": "latin america and the caribbean",
  "total expenditure for the year excluding exchange rate differences": "total",
  "total expenditure for the year": "total",
  "administrative programme": "administrative",
  "operational programmes": "operational",
};
const canonical = (label: string): string => {
  const n = normalizeName(label);
  return SAME[n] ?? n;
};

const ALIASES: Record<string, string[]> = {
  total: ["Total expenditure", "All", "Grand total"],
  administrative: ["Administrative programme", "Admin", "Administrative expenditure"],
  operational: ["Operational programmes", "Operational programme", "Ops"],
  "global support services": ["Global activities", "Global support", "Global"],
  "general programme support": ["General Programme Support/Services", "GPS"],
  "latin america and the caribbean": ["Latin America & the Carib.", "LAC", "Latin America"],
};

const yearOfColumn = (key: string): number | undefined => {
  const m = /^y(\d{4})$/.exec(key);
  return m ? Number(m[1]) : undefined;
};

export class FinanceQuery {
  readonly item: Dimension<Item>;
  readonly region: Dimension<string>;
  readonly service: Dimension<string>;

  constructor(private readonly index: EditionIndex) {
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
    // Main tables first: section V.B prints one decimal, Annex I rounds.
    for (const id of ["vb_expenditure", "vb_by_region", "vb_by_service", "annex1_s1"]) {
      const t = index.table(id);
      t.rows.forEach((r) => {
        const label =
          r.key === "total" && id !== "annex1_s1" && id !== "vb_expenditure"
            ? "Operational programmes"
            : r.label;
        for (const c of t.columns) {
          const year = yearOfColumn(c.key);
          if (year) add(label, year, index.ref(id, r.key, c.key));
        }
      });
    }
    for (const id of ["annex1_s5", "annex1_s6"]) {
      const t = index.table(id);
      for (const r of t.rows)
        add(
          r.key === "total" ? "Operational programmes" : r.label,
          2011,
          index.ref(id, r.key, "operational_expenditure_usd_million"),
        );
    }
    this.item = new Dimension(
      "item",
      [...items].map(([k, value]) => ({ name: value.name, aliases: [k, ...(ALIASES[k] ?? [])], value })),
    );
    const s5 = index.table("annex1_s5");
    const s6 = index.table("annex1_s6");
    const named = (rows: { key: string; label: string }[]): Named<string>[] =>
      rows
        .filter((r) => r.key !== "total")
        .map((r) => ({
          name: r.label,
          aliases: [canonical(r.label), ...(ALIASES[canonical(r.label)] ?? [])],
          value: r.key,
        }));
    this.region = new Dimension("region", named(s5.rows));
    this.service = new Dimension("service", named(s6.rows));
  }

  expenditure(itemArg: Arg, yearArgument: Arg): Answer {
    const name = nameArg(itemArg, "item", "Total");
    const year = yearArg(yearArgument, "year", FIRST_YEAR, LAST_YEAR) ?? DEFAULT_YEAR;
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
    if (region && service) {
      const s8 = this.index.table("annex1_s8");
      const col = s8.columns.find(
        (c) =>
          canonical(c.label) ===
          canonical(this.index.table("annex1_s5").rows.find((r) => r.key === region)?.label ?? ""),
      );
      if (!col) throw new Error(`annex1_s8 has no column for region ${region}`);
      return this.index.cell(this.index.ref("annex1_s8", service, col.key));
    }
    if (region) return this.index.cell(this.index.ref("annex1_s5", region, "number_of_projects"));
    if (service) return this.index.cell(this.index.ref("annex1_s6", service, "number_of_projects"));
    return mostPrecise([
      this.index.cell(this.index.ref("annex1_s5", "total", "number_of_projects")),
      this.index.cell(this.index.ref("annex1_s6", "total", "number_of_projects")),
    ]);
  }
}
