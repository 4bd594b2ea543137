// The command line shows the GDP check too: `chokepoint simulate` prints each target's value added at risk as a
// share of its GDP, ⚠ where it passes the plausibility ceiling (docs/simulator.md).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../src/ingest/starter/open.ts";
import { simulate } from "../src/simulate/simulate.ts";
import { validateScenario } from "../src/simulate/scenario.ts";
import { renderSimulation } from "../src/cli/commands/simulate.ts";

const store = await openStore({ db: ":memory:" });
after(() => store.close());

test("simulate's table has an 'of GDP' column: Slovenia ⚠ under China's magnesium ban, the EU27 row without", async () => {
  const r = await simulate(store, validateScenario({
    name: "CHN restricts magnesium exports", year: 2023, horizonMonths: 24, runs: 500, seed: 42,
    shocks: [{ type: "export_ban", actor: "CHN", material: "magnesium", stage: "processing", targets: ["ALLIANCE"], startMonth: 0, durationMonths: 12 }],
    responses: { stockpileDays: { JPN: 60, EU27: 0 }, allianceSharing: true, reroute: true },
  }));
  const text = renderSimulation(r);
  const line = (k: string) => text.split("\n").find((l) => l.trimStart().startsWith(`${k} `)) ?? "";
  assert.match(text, /of GDP/);
  const svn = r.targets.SVN.gdp!;
  assert.equal(svn.implausible, true);
  assert.ok(line("SVN").endsWith(`⚠ ${(svn.vaShare! * 100).toFixed(2)} %`), line("SVN"));
  const eu = r.targets.EU27.gdp!;
  assert.equal(eu.implausible, false);
  assert.ok(line("EU27").endsWith(`${(eu.vaShare! * 100).toFixed(2)} %`) && !line("EU27").includes("⚠"), line("EU27"));
});
