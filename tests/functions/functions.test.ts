/**
 * The custom functions and the metadata Excel reads for them (functions.json, generated from JSDoc).
 */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { REPORT_EDITION, edition } from "../../src/functions/functions";

const FUNCTIONS_SOURCE = join(__dirname, "../../src/functions/functions.ts");

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: unknown[];
  result: { type: string };
}

describe("IOM.EDITION", () => {
  it("returns the report's document symbol and year", () => {
    expect(edition()).toBe("MC/2346 (2011)");
    expect(REPORT_EDITION).toBe("MC/2346 (2011)");
  });
});

describe("functions.json metadata from src/functions/functions.ts", () => {
  it("is generated without errors and declares EDITION", async () => {
    const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
    expect(result.errors).toEqual([]);
    const { functions } = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
    const metadata = functions.find((f) => f.id === "EDITION");
    expect(metadata).toMatchObject({ name: "EDITION", parameters: [], result: { type: "string" } });
    expect(metadata?.description).toMatch(/edition/i);
  });

  it("associates every declared function with its implementation", async () => {
    const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
    expect(result.associate.map((a) => [a.id, a.functionName])).toEqual([["EDITION", "edition"]]);
  });
});
