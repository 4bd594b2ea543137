import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
// @ts-expect-error a plain .mjs script without types
import { violations } from "../scripts/check-imports.mjs";

const SCRIPT = fileURLToPath(new URL("../scripts/check-imports.mjs", import.meta.url));
const REPO = fileURLToPath(new URL("..", import.meta.url));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "layers-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

test("the repository's imports follow the layer order", () => {
  assert.deepEqual(violations(REPO), []);
});

test("a planted wrong-way import fails the check, naming file, line and layers", () => {
  const root = tree({
    "src/domain/noun.ts": "export interface Noun { id: string }\n",
    "src/analytics/calc.ts": 'import type { Noun } from "../domain/noun.ts";\nexport const calc = (n: Noun) => n.id;\n',
    "src/store/query.ts": 'import type { Noun } from "../domain/noun.ts";\n\nimport { calc } from "../analytics/calc.ts";\nexport const q = (n: Noun) => calc(n);\n',
    "src/cli/main.ts": 'import { q } from "../store/query.ts";\nexport { q };\n',
  });
  assert.deepEqual(violations(root), [
    { file: join("src", "store", "query.ts"), line: 3, from: "store", to: "analytics", spec: "../analytics/calc.ts" },
  ]);
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /src\/store\/query\.ts:3: store\/ imports analytics\//);
});

test("type-only and dynamic imports count; the faces may import anything below them", () => {
  const root = tree({
    "src/domain/blocs.ts": 'export type X = import("../store/rows.ts").Row;\n',
    "src/store/rows.ts": "export interface Row { a: number }\n",
    "src/monitor/list.ts": 'export const f = async () => (await import("../api/app.ts")).app;\n',
    "src/api/app.ts": 'import "../monitor/list.ts";\nimport "../store/rows.ts";\nexport const app = 1;\n',
  });
  const got = violations(root).map((v: { file: string; to: string }) => `${v.file}→${v.to}`);
  assert.deepEqual(got.sort(), [`${join("src", "domain", "blocs.ts")}→store`, `${join("src", "monitor", "list.ts")}→api`]);
  assert.equal(spawnSync(process.execPath, [SCRIPT, root]).status, 1);
  assert.equal(spawnSync(process.execPath, [SCRIPT, REPO]).status, 0);
});

test("SQL outside src/store and the loaders fails the check", () => {
  const root = tree({
    "src/store/store.ts": "export const q = (s: { all: (x: string) => unknown }) => s.all(\"SELECT 1\");\n",
    "src/ingest/loader.ts": "export const l = (s: { run: (x: string) => unknown }) => s.run(`INSERT INTO t VALUES (1)`);\n",
    "src/analytics/calc.ts": "export const c = (s: { all: <T>(x: string) => T }) =>\n  s.all<{ n: number }>(`\n    SELECT count(*) FROM trade`);\nexport const d = (s: { one: (x: string) => unknown }) => s.one(\"select 1\");\n",
  });
  const got = violations(root).map((v: { file: string; line: number; to: string }) => `${v.file}:${v.line}:${v.to}`);
  assert.deepEqual(got, [`${join("src", "analytics", "calc.ts")}:2:sql`, `${join("src", "analytics", "calc.ts")}:4:sql`]);
});
