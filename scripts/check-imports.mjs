#!/usr/bin/env node
// The layer rule, checked: every import in src/ (static, `export … from`, `import type`, and
// `import("…")` in types or code) must point at its own layer or one below.
//   domain → store → ingest, analytics, simulate, plan, monitor, report → api, cli (and src/index.ts)
// Tests (*.test.ts) are held to the same rule, except that they may open the store
// (src/ingest/starter/) to build fixtures.
// The SQL rule, checked too: SQL text runs only in src/store/ (schema, queries) and in the loaders
// under src/ingest/ (which write their own tables through Store); everything else calls store helpers.
// Usage: node scripts/check-imports.mjs [root]   (root defaults to the repository; exits 1 on a violation)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const LAYERS = {
  domain: 0,
  store: 1,
  ingest: 2, analytics: 2, simulate: 2, plan: 2, monitor: 2, report: 2, tariffs: 2,
  api: 3, cli: 3, "index.ts": 3,
};

const SQL_HOME = new Set(["store", "ingest"]);
const SQL_CALL = /\.(?:run|all|one)(?:<[^>]*>)?\(\s*[`"']\s*(?:SELECT|INSERT|CREATE|WITH|UPDATE|DELETE|DROP|ALTER|COPY)\b/gi;

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

/** The layer folder of a path under src/ ("domain", "store", …), or null outside src/. */
function folderOf(srcDir, file) {
  const rel = relative(srcDir, file);
  if (rel.startsWith("..")) return null;
  return rel.split(sep)[0];
}

/** Every wrong-way import under `root`/src as { file, line, from, to, spec }. */
export function violations(root) {
  const srcDir = join(root, "src");
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name)) check(p);
    }
  };
  const check = (file) => {
    const from = folderOf(srcDir, file);
    const fromRank = LAYERS[from];
    if (fromRank === undefined) {
      out.push({ file: relative(root, file), line: 1, from, to: "?", spec: "(file outside every layer: add its folder to LAYERS)" });
      return;
    }
    const isTest = /\.test\.tsx?$/.test(file);
    const source = readFileSync(file, "utf8");
    if (!isTest && !SQL_HOME.has(from)) {
      for (const m of source.matchAll(SQL_CALL)) {
        const line = source.slice(0, m.index).split("\n").length;
        out.push({ file: relative(root, file), line, from, to: "sql", spec: "(SQL outside src/store and the loaders in src/ingest)" });
      }
    }
    const lines = source.split("\n");
    lines.forEach((text, i) => {
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1];
        if (!spec.startsWith(".")) continue;
        const target = resolve(dirname(file), spec);
        const to = folderOf(srcDir, target);
        if (to === null || to === from) continue;
        const toRank = LAYERS[to];
        if (isTest && relative(srcDir, target).startsWith(join("ingest", "starter"))) continue;
        if (toRank === undefined || toRank > fromRank) {
          out.push({ file: relative(root, file), line: i + 1, from, to, spec });
        }
      }
    });
  };
  walk(srcDir);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
  const bad = violations(root);
  for (const v of bad) {
    if (v.to === "sql") console.error(`${v.file}:${v.line}: ${v.from}/ runs SQL — SQL lives in src/store/ (and the loaders in src/ingest/); call a store helper`);
    else console.error(`${v.file}:${v.line}: ${v.from}/ imports ${v.to}/ (${v.spec}) — against the layer order domain → store → ingest/analytics/simulate/plan/monitor/report → api/cli`);
  }
  if (bad.length) {
    console.error(`check-imports: ${bad.length} wrong-way import(s) or SQL outside its home`);
    process.exit(1);
  }
  console.log("check-imports: layer order and SQL rule hold");
}
