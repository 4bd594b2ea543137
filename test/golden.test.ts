// Golden-SVG tests for the map, Sankey and criticality matrix (src/report), drawn from fixed real
// inputs (test/golden/inputs.json). A mismatch writes test/golden/<name>-changed.svg for review;
// CHOKEPOINT_UPDATE_GOLDEN=1 accepts the new pictures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { worldMapSvg } from "../src/report/map.ts";
import { sankeySvg } from "../src/report/sankey.ts";
import { matrixSvg } from "../src/report/matrix.ts";
import { barsSvg } from "../src/report/bars.ts";
import { mapInput, matrixPoints, sankeyFlows } from "../src/report/inputs.ts";
import { normalizeSvg } from "../src/report/normalize.ts";
import { worldTopology } from "../src/report/topology.ts";

const dir = join(import.meta.dirname, "golden");
const inputs = JSON.parse(readFileSync(join(dir, "inputs.json"), "utf8"));

function golden(name: string, svg: string): void {
  const actual = normalizeSvg(svg);
  const file = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  if (!existsSync(file) || process.env.CHOKEPOINT_UPDATE_GOLDEN) {
    writeFileSync(file, actual);
    return;
  }
  if (readFileSync(file, "utf8") === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  assert.fail(`${name}.svg differs from the golden file: see ${changed}`);
}

test("normalizeSvg rounds to 3 decimals and re-indexes ids", () => {
  assert.equal(normalizeSvg('<svg aria-labelledby="x-9"><title id="x-9">t</title><path d="M1.23456,-0.0001"/></svg>'), '<svg aria-labelledby="id-0">\n<title id="id-0">t</title>\n<path d="M1.235,0"/>\n</svg>\n');
});

test("map: gallium 2023, China the darkest country, with its share and source on hover", () => {
  const svg = worldMapSvg(worldTopology(), mapInput(inputs.map, ["JPN"]));
  const china = /<path d="[^"]+" fill="(#[0-9a-f]{6})"[^>]*><title>China: 98\.\d % — Source: [^<]*Mineral Commodity Summaries/.exec(svg);
  assert.ok(china, "China's path with share and source");
  assert.equal(china[1], "#08519c", "the largest share takes the darkest colour");
  assert.match(svg, /stroke="#c2410c"/, "the bloc is outlined");
  assert.ok((svg.match(/<path /g) ?? []).length > 170, "every 110m country drawn");
  golden("map-gallium-2023", svg);
});

test("sankey: cobalt imports of EU27 and JPN by supplier and stage, totals conserved", () => {
  const { flows, unit, sources } = sankeyFlows(inputs.sankey);
  const svg = sankeySvg({ title: "Cobalt: EU27 and JPN imports by supplier, 2023", flows, unit, sources });
  const total = flows.reduce((a, f) => a + f.value, 0);
  const blocTotal = (b: string) => inputs.sankey.filter((e: any) => e.bloc === b).flatMap((e: any) => e.suppliers).reduce((a: number, s: any) => a + s.amount, 0);
  assert.ok(Math.abs(total - blocTotal("EU27") - blocTotal("JPN")) < 1e-6 * total);
  assert.match(svg, /<title>EU27: [\d.]+ (bn|m) USD<\/title>/);
  assert.match(svg, /<title>JPN: [\d.]+ (bn|m) USD<\/title>/);
  assert.ok(svg.includes(">Other <tspan"), "small suppliers merged into Other");
  // Node labels carry country names (not ISO3 codes) and their values.
  assert.match(svg, />Finland <tspan fill="#4b5563">[\d.]+ m USD<\/tspan>/);
  assert.doesNotMatch(svg, />FIN </);
  golden("sankey-cobalt-2023", svg);
});

test("matrix: EU27 assessment, one bubble per material, thresholds SR 1 and EI 2.8", () => {
  const points = matrixPoints(inputs.matrix);
  const svg = matrixSvg({ title: "Criticality matrix, EU27", points, sources: inputs.matrix.sources });
  assert.equal((svg.match(/<circle cx/g) ?? []).length, points.length);
  assert.ok(points.length >= 60);
  assert.match(svg, /critical: SR ≥ 1, EI ≥ 2\.8/);
  assert.match(svg, /data-material="gallium"><circle [^>]*fill="#c2410c"/, "gallium is strategic");
  golden("matrix-eu27", svg);
});

test("bars: supplier shares with the 65 % line", () => {
  const svg = barsSvg({ title: "Gallium suppliers", rows: inputs.map.suppliers.slice(0, 5).map((s: any) => ({ label: s.name ?? s.country, share: s.share })), sources: inputs.map.sources, line: { at: 0.65, label: "CRM Act 65 %" } });
  assert.match(svg, /China<\/text><rect x="150" y="8" width="[\d.]+"/);
  golden("bars-gallium-2023", svg);
});
