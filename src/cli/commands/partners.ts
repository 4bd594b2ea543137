import { withBloc } from "../../store/queries/blocs.ts";
import { Command, Option } from "commander";
import { partners, type Alternative, type PartnersReport } from "../../plan/partners.ts";
import { printJson, withStore } from "../context.ts";
import { formatTable, pct } from "../table.ts";
import { parsePartnersRequest } from "../../plan/partners-request.ts";

/** `chokepoint partners`: who else could supply a bloc where it depends on one country (BACI). */
export function register(program: Command): void {
  program
    .command("partners")
    .description("who else exports a product a bloc depends on: the other alliance half first, then trusted partners, then others (dependencies from the sourcing engine, alternatives from CEPII BACI)")
    .requiredOption("-m, --material <id>", "material id from the catalogue (see `chokepoint materials`)")
    .option("-b, --bloc <bloc>", "EU27, JPN, ALLIANCE (both halves and the links between them), or a comma list of countries", "EU27")
    .addOption(new Option("-s, --stage <stage>", "supply-chain stage (default: the material's natural stage)").choices(["extraction", "processing"]))
    .option("-y, --year <year>", "BACI year (default: the latest loaded for the material's codes)")
    .option("--limit <n>", "alternatives listed per tier", "10")
    .option("--threshold <x>", "a supplier above this share of extra-bloc imports is a dependency", "0.5")
    .option("--allow <list>", "take countries off the sanctions list (ISO3, comma-separated)")
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      `
Examples:
  $ chokepoint partners -m permanent-magnets -b EU27
  $ chokepoint partners -m magnesium -b JPN --json
  $ chokepoint partners -m gallium -b ALLIANCE          where the EU and Japan already supply each other

A dependency is a third country above 50 % of the bloc's imports from outside it, or above the CRM Act's
65 %, as the sourcing engine reads them (the shares exposure --basis sourcing shows: Comext, Japan's
Comtrade lines, else BACI); a note says where BACI names another largest supplier or dependency, and
why. For each dependency, every other exporter in BACI outside the bloc (sanctioned countries excluded) with its
share of world exports, what it already sells the bloc, what it sells elsewhere (could be redirected;
not spare capacity), its unit value (USD/t) and governance (WGI, EC 0–10 scale, higher = worse).`,
    )
    .action(async (opts, cmd: Command) => {
      const req = parsePartnersRequest({
        material: opts.material,
        bloc: opts.bloc,
        stage: opts.stage,
        year: opts.year,
        limit: opts.limit,
        threshold: opts.threshold,
        allow: opts.allow,
      });
      const r = await withStore(cmd, async (store) => partners(store, await withBloc(store, req)));
      if (opts.json) printJson(r);
      else process.stdout.write(renderPartners(r) + "\n");
    });
}

const usd = (x: number) => (x >= 1e9 ? `${(x / 1e9).toFixed(2)} bn` : x >= 1e6 ? `${(x / 1e6).toFixed(1)} m` : `${(x / 1e3).toFixed(0)} k`);
const t = (x: number | null) => (x === null ? "–" : Math.round(x).toLocaleString("en"));

/** Human rendering: per bloc, its dependencies and the alternatives by tier; for the alliance, the links. */
export function renderPartners(r: PartnersReport): string {
  const lines = [`${r.material} · ${r.stage} · ${r.bloc} · BACI ${r.year} · HS6 ${r.codes.join(", ")}`];
  for (const b of r.blocs) {
    const src = b.sourcing;
    if (src) {
      const amt = src.unit === "t" ? `${t(src.total)} t` : `${usd(src.total)} ${src.unit}`;
      lines.push("", `${b.bloc} sourcing ${src.year} (${src.products.map((p) => `${p.dataset} ${p.classification}`).join(" + ")}, by ${src.measure === "quantity" ? src.unit : "value"}): imports from outside ${amt}; top ${src.topSuppliers.slice(0, 3).map((s) => `${s.country} ${pct(s.share)}`).join(", ")}`);
    } else lines.push("", `${b.bloc}: no sourcing mix from the sourcing engine; dependencies from BACI`);
    lines.push(`${src ? "  " : ""}BACI ${r.year}: extra-bloc imports ${usd(b.extraImports.usd)} USD, ${t(b.extraImports.tonnes)} t; top ${b.topSuppliers.slice(0, 3).map((s) => `${s.country} ${pct(s.share)}`).join(", ")}`);
    if (!b.dependencies.length) lines.push("  no dependency: no third country above the threshold");
    for (const d of b.dependencies) {
      lines.push("", `  depends on ${d.country}: ${pct(d.share)} (${d.reasons.join("; ")})`);
      lines.push(
        formatTable(d.alternatives, [
          { key: (a: Alternative) => a.tier, title: "  tier" },
          { key: (a) => a.country, title: "exporter" },
          { key: (a) => pct(a.worldExportShare), title: "world exports", align: "right" },
          { key: (a) => pct(a.sellsToBloc.share), title: `of ${b.bloc} imports (BACI)`, align: "right" },
          { key: (a) => t(a.sellsToBloc.tonnes), title: `t to ${b.bloc}`, align: "right" },
          { key: (a) => t(a.exportsElsewhere.tonnes), title: "t elsewhere", align: "right" },
          { key: (a) => (a.unitValueUsdPerTonne === null ? "–" : a.unitValueUsdPerTonne.toLocaleString("en")), title: "USD/t", align: "right" },
          { key: (a) => (a.governance ? a.governance.risk.toFixed(1) : "–"), title: "WGI risk", align: "right" },
        ]).replace(/^/gm, "  "),
      );
    }
  }
  if (r.alliance) {
    lines.push("", "within the alliance:");
    for (const d of [r.alliance.euToJapan, r.alliance.japanToEu]) {
      lines.push(`  ${d.from} → ${d.to}: already ${usd(d.already.usd)} USD (${t(d.already.tonnes)} t, ${pct(d.already.shareOfBuyerImports)} of ${d.to}'s imports); ${d.to} buys ${usd(d.buyerImportsFromThirdCountries.usd)} USD from third countries; ${d.from} sells ${usd(d.supplierExportsToThirdCountries.usd)} USD (${t(d.supplierExportsToThirdCountries.tonnes)} t) outside the alliance`);
      lines.push(`    largest ${d.from} exporters: ${d.topExporters.slice(0, 5).map((x) => `${x.country} ${usd(x.worldExports.usd)} (to ${d.to} ${usd(x.toBuyer.usd)})`).join(", ")}`);
    }
  }
  if (r.policy.excluded.length) lines.push("", `excluded under sanctions: ${r.policy.excluded.join(", ")}`);
  lines.push("", `sources: ${r.sources.map((s) => `${s.dataset} ${s.edition} (${s.year})`).join("; ")}`);
  lines.push(...r.coverage.warnings.map((w) => `note: ${w}`));
  return lines.join("\n");
}
