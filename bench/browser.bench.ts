/**
 * The built page in Debian's headless chromium (the production build the tests share, served on
 * 127.0.0.1, the Office stub of tests/e2e answering the office.js request), median of 5 fresh
 * loads. Informational: absolute times on a shared machine. Metrics:
 *   browser.functions_first_answer_ms   navigation start → the first answer of =IOM.STAFF("P-4","F"),
 *                                       which the stub asks for the moment the function is registered
 *                                       (script download and parse, data, first index built)
 *   browser.taskpane_first_render_ms    navigation start → the pane's first render mark
 *                                       (src/taskpane/ui/marks.ts)
 */
import { FIRST_RENDER_MARK } from "../src/taskpane/ui/marks";
import { launch, openPane, serve } from "../tests/e2e/harness";
import { sharedBuild } from "../tests/helpers/shared-build";

const LOADS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export default async function browserBench(): Promise<Record<string, number>> {
  const { out, result } = await sharedBuild();
  if (result.code !== 0) throw new Error(`the production build failed:\n${result.stderr}`);
  const { server, url } = await serve(out);
  const browser = await launch();
  try {
    const answers: number[] = [];
    const renders: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const probe = { id: "STAFF", args: ["P-4", "F", null, null, null] };
      const pane = await openPane(browser, url, { displayLanguage: "en-US", probe });
      await pane.page.getByTestId("template-list").waitFor({ timeout: 30_000 });
      const seen = await pane.page.evaluate(
        (mark) => ({
          probe: (window as unknown as { __iom: { probe?: { value: unknown; at: number } } }).__iom.probe,
          render: performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
        }),
        FIRST_RENDER_MARK,
      );
      if (typeof seen.probe?.value !== "number")
        throw new Error(`the page's first answer was ${String(seen.probe?.value)}`);
      if (pane.consoleErrors.length > 0)
        throw new Error(`the page logged errors: ${pane.consoleErrors.join("; ")}`);
      answers.push(seen.probe.at);
      renders.push(seen.render);
      await pane.page.context().close();
    }
    return {
      "browser.functions_first_answer_ms": Math.round(median(answers)),
      "browser.taskpane_first_render_ms": Math.round(median(renders)),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
