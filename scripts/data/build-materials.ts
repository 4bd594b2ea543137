#!/usr/bin/env -S npx tsx
/**
 * Regenerate data/materials/{materials,material_codes}.csv from the curated catalogue
 * (scripts/data/materials-catalogue.ts) and the EU 2023 CRM/SRM list flags
 * (../shared/data/eu-crm-2023/eu_crm_srm_lists_2023.csv). Fails if an EU 2023 CRM has no entry.
 *
 *   npx tsx scripts/data/build-materials.ts [--shared ../shared/data]
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { MATERIALS } from "./materials-catalogue.ts";

const args = process.argv.slice(2);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1] : "../shared/data";
const OUT = "data/materials";

type Rec = Record<string, string>;
const lists = (parse(readFileSync(join(SHARED, "eu-crm-2023/eu_crm_srm_lists_2023.csv")), { columns: true, bom: true }) as Rec[])
  .map((r): Rec => ({ ...r, material: r.material.replace(/\s+/g, " ").trim() }));
const byName = new Map(lists.map((r) => [r.material, r]));

const CLASS: Record<string, string> = { CN8: "CN8", HS6: "HS6", HS4: "HS4" };

function main(): void {
  const ids = new Set(MATERIALS.map((m) => m.id));
  const matRows: Rec[] = [];
  const codeRows: Rec[] = [];
  for (const m of MATERIALS) {
    if (m.parent && !ids.has(m.parent)) throw new Error(`${m.id}: unknown parent ${m.parent}`);
    const listEntry = byName.get(m.euVia ?? m.eu ?? "");
    if ((m.eu || m.euVia) && !listEntry && !m.euVia) throw new Error(`${m.id}: '${m.eu}' not in eu_crm_srm_lists_2023.csv`);
    const crm = listEntry?.crm_list_2023 === "1";
    const srm = listEntry?.srm_list_reg_2024_1252 === "1" && !m.notSrm;
    const hs = new Set<string>();
    const cn = new Set<string>();
    for (const [stage, codes] of [["extraction", m.E ?? []], ["processing", m.P ?? []]] as const) {
      for (const c of codes) {
        const [cls, raw] = c.split(":");
        const basket = raw.endsWith("*");
        const code = raw.replace("*", "");
        // EI: the Energy Institute's named products (LNG), not a tariff code.
        if (cls === "EI") {
          codeRows.push({ material: m.id, stage, code, classification: cls, basket: "0", caveat: "" });
          continue;
        }
        if (!CLASS[cls] || code.length !== Number(cls.slice(2))) throw new Error(`${m.id}: bad code ${c}`);
        (cls === "CN8" ? cn : hs).add(code);
        codeRows.push({ material: m.id, stage, code, classification: cls, basket: basket ? "1" : "0", caveat: basket ? m.caveat ?? "" : "" });
      }
    }
    matRows.push({
      id: m.id, name: m.name, grp: m.grp, parent: m.parent ?? "", stages: m.stages.join(";"),
      default_stage: m.default ?? (m.stages.length === 1 ? m.stages[0] : ""),
      hs_codes: [...hs].join(";"), cn_codes: [...cn].join(";"), hs_caveat: m.caveat ?? "",
      eu_study_name: m.eu ?? "", eu_crm_2023: crm ? "1" : "0", eu_srm_2024: srm ? "1" : "0",
      jp_critical: m.jp ? "1" : "0", jp_designation: m.jp ?? "",
      notes: [m.euVia ? `EU list flags via ${m.euVia}.` : "", m.notes ?? ""].filter(Boolean).join(" "),
    });
  }
  // Every 2023 CRM must be in the catalogue under its list name.
  const covered = new Set(MATERIALS.map((m) => m.eu));
  const missing = lists.filter((r) => r.crm_list_2023 === "1" && !covered.has(r.material)).map((r) => r.material);
  if (missing.length) throw new Error(`EU CRMs 2023 missing from the catalogue: ${missing.join(", ")}`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "materials.csv"), toCsv(Object.keys(matRows[0]), matRows));
  writeFileSync(join(OUT, "material_codes.csv"), toCsv(["material", "stage", "code", "classification", "basket", "caveat"], codeRows));
  const nCrm = lists.filter((r) => r.crm_list_2023 === "1").length;
  console.log(`materials.csv: ${matRows.length} materials (${nCrm} EU CRMs 2023 covered); material_codes.csv: ${codeRows.length} codes`);
}

function toCsv(header: string[], rows: Rec[]): string {
  const q = (v: string): string => (/[",\n;]/.test(v) && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(","), ...rows.map((r) => header.map((h) => q(r[h] ?? "")).join(","))].join("\n") + "\n";
}

main();
