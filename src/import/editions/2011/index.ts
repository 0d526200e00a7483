import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import type { ManualFix, Table } from "../../../core/model";
import type { SourceText } from "../../source-text";
import { importFinanceTables } from "./finance";
import { proveMovementTables, type MovementProof } from "./movement-proof";
import type { MovementLinks } from "./movement-model";
import { importTable1, importTable3, importTable4 } from "./movements";
import { importAnnex1Section12, importTable5, importTable6, importTable7 } from "./staff";
import { importTable2 } from "./table2";

/** Every table of the 2011 report, in report order, each from its own importer. */
export function importTables(src: SourceText, fixes: ManualFix[]): Table[] {
  const finance = importFinanceTables(src, fixes);
  const [vbExpenditure, vbByRegion, vbByService, s1, s5, s6, s8, ...rest] = finance;
  if (!vbExpenditure || !vbByRegion || !vbByService || !s1 || !s5 || !s6 || !s8 || rest.length > 0) {
    throw new Error(`finance importer returned ${finance.length} tables, expected 7`);
  }
  return [
    importTable1(src, fixes),
    importTable2(src, fixes),
    importTable3(src, fixes),
    importTable4(src, fixes),
    vbExpenditure,
    vbByRegion,
    vbByService,
    importTable5(src, fixes),
    importTable6(src, fixes),
    importTable7(src, fixes),
    s1,
    s5,
    s6,
    s8,
    importAnnex1Section12(src, fixes),
  ];
}

/**
 * Proves Tables 1 and 2 with the solver (in place), linked to Table 3 by curated/links-movements.json.
 * Within one process, a second build from the very same inputs (source text, fixes, links, parsed
 * tables) reuses the first proof's result instead of solving again (`iom check` builds twice);
 * nothing is kept between processes, so every `npm run import` and test run proves afresh.
 */
export async function proveTables(
  src: SourceText,
  fixes: ManualFix[],
  tables: Table[],
  curatedDir: string,
): Promise<MovementProof> {
  const linksText = readFileSync(join(curatedDir, "links-movements.json"), "utf8");
  const links = JSON.parse(linksText) as MovementLinks;
  const movement = tables.filter((t) => ["table1", "table2", "table3"].includes(t.id));
  const inputs = createHash("sha256")
    .update(src.text)
    .update(JSON.stringify(fixes))
    .update(linksText)
    .update(JSON.stringify(movement))
    .digest("hex");
  const done = proofs.get(inputs);
  if (done) {
    for (const t of movement) Object.assign(t, structuredClone(done.tables.get(t.id)));
    return done.proof;
  }
  const proof = await proveMovementTables(src, fixes, tables, links);
  proofs.set(inputs, { proof, tables: new Map(movement.map((t) => [t.id, structuredClone(t)])) });
  return proof;
}

const proofs = new Map<string, { proof: MovementProof; tables: Map<string, Table> }>();
