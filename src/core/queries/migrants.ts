import type { Answer } from "../answer";
import { isAll, nameArg, type Arg } from "../args";
import { Dimension, type Named } from "../dimension";
import type { EditionIndex } from "../edition";

const T4 = "table4";

const GENDERS: Named<string>[] = [
  { name: "F", aliases: ["Female", "Women", "Woman", "W"], value: "female" },
  { name: "M", aliases: ["Male", "Men", "Man"], value: "male" },
];

/** Table 4: migrants moved in 2011 by age group and gender. */
export class MigrantsQuery {
  readonly ageGroup: Dimension<string>;
  readonly gender = new Dimension("gender", GENDERS);

  constructor(private readonly index: EditionIndex) {
    this.ageGroup = new Dimension(
      "age_group",
      index.table(T4).rows.map((r): Named<string> => {
        const range = /^(\d+)-(\d+)$/.exec(r.label);
        const aliases = range
          ? [`${range[1]} to ${range[2]}`, `${range[1]}–${range[2]}`, `aged ${range[1]}-${range[2]}`]
          : [];
        if (r.key === "90") aliases.push("90+", "90 and over", "over 90", "90 or more", "more than 90");
        if (r.key === "no_data") aliases.push("Unknown", "n/a", "Not known");
        return { name: r.key === "90" ? ">90" : r.label, aliases: [r.label, ...aliases], value: r.key };
      }),
    );
  }

  answer(ageArg: Arg, genderArg: Arg): Answer {
    const age = nameArg(ageArg, "age_group", "18-29");
    const genderName = nameArg(genderArg, "gender", "F");
    const row = isAll(age) ? "total" : this.ageGroup.resolve(age as string).value;
    const column = isAll(genderName) ? "total" : this.gender.resolve(genderName as string).value;
    return this.index.cell(this.index.ref(T4, row, column));
  }
}
