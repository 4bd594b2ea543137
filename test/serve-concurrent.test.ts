// Issue 17, item 5: the CLI works while `chokepoint serve` runs on the same (default) database.
// The server holds the file read-only (DuckDB's shared lock); CLI commands open it read-write when
// they can and read-only when another process holds it, so reads succeed and a write names the holder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = new URL("../bin/chokepoint.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "chokepoint-serve-"));
// The default database: no --db flag anywhere, CHOKEPOINT_DB names where "default" is for this test.
const env = { ...process.env, CHOKEPOINT_DB: join(dir, "chokepoint.duckdb"), CHOKEPOINT_TOKEN: "" };
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env });

let server: ChildProcess;
let url: string;

before(async () => {
  const built = cli("data", "status");
  assert.equal(built.status, 0, built.stderr);
  server = spawn(process.execPath, [bin, "serve", "--port", "0", "--no-dashboard"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  server.stderr!.on("data", (d) => (err += d));
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (d) => {
      out += d;
      const m = /chokepoint API: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.once("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
});

after(async () => {
  if (server.exitCode === null) {
    const gone = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await gone;
  }
  rmSync(dir, { recursive: true, force: true });
});

test("with the server running, `chokepoint exposure -m gallium --json` answers, and so does the server", async () => {
  const r = cli("exposure", "-m", "gallium", "--json");
  assert.equal(r.status, 0, r.stderr);
  const e = JSON.parse(r.stdout);
  assert.equal(e.material, "gallium");
  assert.equal(e.top.country, "CHN");
  const res = await fetch(`${url}api/exposure?material=gallium`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), e);
});

test("other reads work too while the server runs (overview, materials, alerts)", () => {
  for (const args of [["materials", "--json"], ["overview", "--bloc", "JPN", "--json"], ["alerts", "--json"]]) {
    const r = cli(...args);
    assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
    assert.doesNotThrow(() => JSON.parse(r.stdout), args.join(" "));
  }
});

test("a write while the server runs fails with database_locked (exit 75), naming the server, and changes nothing", () => {
  const r = cli("data", "rebuild");
  assert.equal(r.status, 75, r.stderr);
  assert.match(r.stderr, /chokepoint serve/);
  const again = cli("exposure", "-m", "gallium", "--json");
  assert.equal(again.status, 0, again.stderr);
});
