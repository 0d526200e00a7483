/**
 * Registers the bundled editions' presentations with the core when the sheet layout loads: the task
 * pane and the CLI build blocks, the custom functions never do, so only their bundles carry these.
 */
import { BUNDLED_PRESENTATIONS } from "../../data/presentations";
import { registerPresentation } from "../core";

for (const [edition, presentation] of BUNDLED_PRESENTATIONS) registerPresentation(edition, presentation);
