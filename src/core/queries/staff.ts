import { msg } from "../../i18n/messages";
import type { Answer } from "../answer";
import { isAll, nameArg, type Arg } from "../args";
import { countryAliases, countryNamed, countryTranslations, isoCodeOf } from "../countries";
import { Dimension, type Named } from "../dimension";
import type { CellRef, EditionIndex } from "../edition";
import { mostPrecise, noFigure, sumOf } from "./common";

type Gender = "f" | "m";
type Location = "hq" | "field";

/**
 * Who is counted: officials (a Table 5 row: a grade, Short-term Officials, Associate
 * Experts or all officials), employees (all, or the field's General Service / National
 * Officers columns of Table 7), or everyone.
 */
type Category =
  { kind: "officials"; row: string } | { kind: "employees"; group: "all" | "gs" | "no" } | { kind: "all" };

/** A nationality's rows in Table 6 (officials) and Table 7 (employees), which may spell it differently. */
interface Nationality {
  t6?: string;
  t7?: string;
}

const T5 = "table5";
const T6 = "table6";
const T7 = "table7";
const S12 = "annex1_s12";

const GENDERS: Named<Gender>[] = [
  { name: "F", aliases: ["Female", "Women", "Woman", "W"], value: "f" },
  { name: "M", aliases: ["Male", "Men", "Man"], value: "m" },
];
const LOCATIONS: Named<Location>[] = [
  { name: "Headquarters", aliases: ["HQ", "Geneva", "Head office"], value: "hq" },
  { name: "Field", aliases: ["Field offices", "Country offices", "Outside headquarters"], value: "field" },
];

const GENDER_WORD: Record<Gender, string> = { f: "female", m: "male" };

export class StaffQuery {
  readonly category: Dimension<Category>;
  readonly gender = new Dimension("gender", GENDERS);
  readonly location = new Dimension("location", LOCATIONS);
  readonly nationality: Dimension<Nationality>;

  constructor(private readonly index: EditionIndex) {
    const t5 = index.table(T5);
    const grades: Named<Category>[] = t5.rows.map((r) => {
      const aliases: Record<string, string[]> = {
        ug: ["Ungraded"],
        short_term_officials: ["STO", "Short term officials", "Short-term"],
        associate_experts: ["AE", "Associate Expert", "JPO", "Junior Professional Officers"],
        total: ["Officials", "Official", "All officials", "Total officials"],
      };
      // "P4" for "P-4": the hyphen is often left out.
      const compact = /^[A-Z]-\d$/.test(r.label) ? [r.label.replace("-", "")] : [];
      return {
        name: r.key === "total" ? "Officials" : r.label,
        aliases: [...compact, ...(aliases[r.key] ?? [])],
        value: { kind: "officials", row: r.key },
      };
    });
    this.category = new Dimension("category", [
      ...grades,
      {
        name: "Employees",
        aliases: ["Employee", "All employees"],
        value: { kind: "employees", group: "all" },
      },
      {
        name: "General Service",
        // Table 7 heads the column "General Services".
        aliases: ["GS", "G.S.", "General Services", "General Service employees"],
        value: { kind: "employees", group: "gs" },
      },
      {
        name: "National Officers",
        aliases: ["NO", "N.O.", "National Officer", "NPO"],
        value: { kind: "employees", group: "no" },
      },
      { name: "All", aliases: ["Total", "Staff", "All staff", "Everyone"], value: { kind: "all" } },
    ]);
    // One entry per country: Table 7 spells "The former Yugoslav Republic of Macedonia" in full
    // where Table 6 abbreviates it, and both name one nationality.
    const countries = new Map<string, { name: string; aliases: string[]; value: Nationality }>();
    for (const id of [T6, T7] as const) {
      for (const r of index.table(id).rows) {
        if (r.key === "total") continue;
        const group = isoCodeOf(r.label) ?? r.key;
        const c = countries.get(group) ?? { name: r.label, aliases: countryAliases(r.label), value: {} };
        c.aliases.push(r.key, r.label);
        c.value[id === T6 ? "t6" : "t7"] = r.key;
        countries.set(group, c);
      }
    }
    this.nationality = new Dimension("nationality", [...countries.values()], countryTranslations);
  }

  answer(categoryArg: Arg, genderArg: Arg, locationArg: Arg, nationalityArg: Arg): Answer {
    const categoryName = nameArg(categoryArg, "category", "P-4");
    const genderName = nameArg(genderArg, "gender", "F");
    const locationName = nameArg(locationArg, "location", "Field");
    const nationalityName = nameArg(nationalityArg, "nationality", "France");
    const category = isAll(categoryName)
      ? ({ kind: "all" } as const)
      : this.category.resolve(categoryName as string).value;
    const gender = isAll(genderName) ? undefined : this.gender.resolve(genderName as string).value;
    const location = isAll(locationName) ? undefined : this.location.resolve(locationName as string).value;
    const nationality = isAll(nationalityName)
      ? undefined
      : this.resolveNationality(nationalityName as string);

    if (nationality !== undefined) return this.byNationality(category, gender, location, nationality);
    switch (category.kind) {
      case "officials":
        return this.officials(category.row, gender, location);
      case "employees":
        return this.employees(category.group, gender, location);
      case "all":
        return this.annex12(["employees", "officials"], gender, location);
    }
  }

  private resolveNationality(name: string): Nationality {
    const hit = this.nationality.find(name);
    if (hit) return hit.value;
    const country = countryNamed(name);
    if (country) throw noFigure(msg("nationality_none", { input: name, country }));
    return this.nationality.resolve(name).value;
  }

  /** Table 5 by grade; for all officials Annex I §12 prints the same head-counts too. */
  private officials(row: string, gender: Gender | undefined, location: Location | undefined): Answer {
    const cols = (location ? [location === "hq" ? "hq" : "field"] : ["total"]).flatMap((l) =>
      gender ? [`${l}_${gender}`] : l === "total" ? ["total"] : [`${l}_f`, `${l}_m`],
    );
    const what = `${row === "total" ? "officials" : this.index.describe(T5, row, "total").split(" / ")[0]} at ${location === "hq" ? "Headquarters" : "the Field"}`;
    const main = sumOf(
      this.index,
      cols.map((c) => this.index.ref(T5, row, c)),
      what,
    );
    if (row !== "total") return main;
    return mostPrecise([main, this.annex12(["officials"], gender, location)]);
  }

  private employees(
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    if (group === "all") {
      const annex = this.annex12(["employees"], gender, location);
      return mostPrecise([annex, this.table7Total("all", gender, location)]);
    }
    return this.table7Total(group, gender, location);
  }

  /** Employees from Table 7's TOTAL row: HQ F/M, Field G.S. F/M, Field N.O. F/M. */
  private table7Total(
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    return this.table7Row("total", group, gender, location);
  }

  private table7Row(
    row: string,
    group: "all" | "gs" | "no",
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    if (group !== "all" && location === "hq") {
      throw noFigure(msg("employees_split_hq", {}));
    }
    const places =
      group === "all"
        ? location === "hq"
          ? ["hq"]
          : location === "field"
            ? ["field_gs", "field_no"]
            : ["hq", "field_gs", "field_no"]
        : [`field_${group}`];
    const cols =
      row !== "total" && group === "all" && !location && !gender
        ? ["total"]
        : places.flatMap((p) => (gender ? [`${p}_${gender}`] : [`${p}_f`, `${p}_m`]));
    return sumOf(
      this.index,
      cols.map((c) => this.index.ref(T7, row, c)),
      `employees (Table 7, ${row})`,
    );
  }

  /** Annex I §12: employees and officials by location (HQ/Field) and gender. */
  private annex12(
    kinds: ("employees" | "officials")[],
    gender: Gender | undefined,
    location: Location | undefined,
  ): Answer {
    const row = gender ? GENDER_WORD[gender] : "total";
    const everyone = kinds.length === 2 && !location;
    const cols = everyone
      ? ["total"]
      : kinds.flatMap((k) => (location ? [`${location}_${k}`] : [`hq_${k}`, `field_${k}`]));
    const refs: CellRef[] = cols.map((c) => this.index.ref(S12, row, c));
    return sumOf(
      this.index,
      refs,
      `${kinds.join(" and ")}${location ? ` at ${location === "hq" ? "Headquarters" : "the Field"}` : ""}`,
    );
  }

  private byNationality(
    category: Category,
    gender: Gender | undefined,
    location: Location | undefined,
    nationality: Nationality,
  ): Answer {
    const name = this.nationality.entries.find((e) => e.value === nationality)?.name ?? "";
    const { t6, t7 } = nationality;
    const officials = (): Answer => {
      if (gender) throw noFigure(msg("officials_nationality_gender", {}));
      if (location) throw noFigure(msg("officials_nationality_location", {}));
      const row = category.kind === "officials" ? category.row : "total";
      if (!t6) throw noFigure(msg("t6_no_official", { nationality: name }));
      return this.index.cell(this.index.ref(T6, t6, row));
    };
    const employees = (group: "all" | "gs" | "no"): Answer => {
      if (!t7) throw noFigure(msg("t7_no_employee", { nationality: name }));
      return this.table7Row(t7, group, gender, location);
    };
    switch (category.kind) {
      case "officials":
        return officials();
      case "employees":
        return employees(category.group);
      case "all": {
        if (gender || location) {
          throw noFigure(msg("all_staff_nationality", { by: gender ? "gender" : "location" }));
        }
        const refs: CellRef[] = [];
        if (t6) refs.push(this.index.ref(T6, t6, "total"));
        if (t7) refs.push(this.index.ref(T7, t7, "total"));
        return sumOf(
          this.index,
          refs,
          `staff of ${name}'s nationality (officials in Table 6 and employees in Table 7)`,
        );
      }
    }
  }
}
