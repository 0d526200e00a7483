export type { Answer, Provenance } from "./answer";
export type { Arg } from "./args";
export { IomError, isIomError, type IomErrorKind } from "./errors";
export { parseFormula, type ParsedFormula } from "./formula";
export { tableGrid, isMissing, type Grid, type GridCell, type Missing, type TableGrid } from "./grid";
export { Iom, VALUE_FUNCTIONS, describeProvenance, type ValueFunction } from "./iom";
export {
  iom,
  editions,
  editionId,
  latestEdition,
  registerEdition,
  unregisterEdition,
  type EditionInfo,
} from "./editions";
export type * from "./model";
