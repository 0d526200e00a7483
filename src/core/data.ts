import { Iom } from "./iom";
import { expandEdition, type RuntimeEdition } from "./runtime-format";
// The data ships inside the bundle: no fetch, so every function answers synchronously.
import edition2011 from "../../data/2011/runtime.json";

let instance: Iom | undefined;

/** The core over the 2011 edition, built on first use and shared by every caller. */
export function iom(): Iom {
  instance ??= new Iom(expandEdition(edition2011 as unknown as RuntimeEdition));
  return instance;
}
