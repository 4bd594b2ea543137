import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ChokepointError } from "../domain/error.ts";
import { fileHash, fileHashAsync } from "./ingest.ts";

test("the worker-thread hash equals sha256 of the bytes, across chunk boundaries", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cp-hash-"));
  const file = join(dir, "big.bin");
  const bytes = Buffer.alloc((4 << 20) * 2 + 12345, 0);
  for (let i = 0; i < bytes.length; i += 997) bytes[i] = i % 251;
  writeFileSync(file, bytes);
  const expected = createHash("sha256").update(bytes).digest("hex");
  assert.equal(await fileHashAsync(file), expected);
  assert.equal(fileHash(file), expected);
});

test("a missing file is an io_error naming the file, from either hash", async () => {
  const file = join(tmpdir(), "cp-hash-missing-" + process.pid + ".csv");
  await assert.rejects(fileHashAsync(file), (e: unknown) => e instanceof ChokepointError && e.code === "io_error" && e.message.includes(file));
  assert.throws(() => fileHash(file), (e: unknown) => e instanceof ChokepointError && e.code === "io_error");
});
