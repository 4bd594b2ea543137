import { test } from "node:test";
import assert from "node:assert/strict";
import { looksLikeHostPath, refuseHostPaths } from "./host-paths.ts";

test("host paths in every disguise are recognised; identifiers and bloc lists are not", () => {
  for (const p of ["/etc/shadow", "\\\\srv\\share", "C:\\Windows\\win.ini", "c:/x", "~/.ssh/id_rsa", "../../etc/passwd", "scenarios/../../x", "..", "file:///etc/passwd", "FILE:/etc", "%2Fetc%2Fshadow", "%252Fetc%252Fshadow", "..%2F..%2Fetc", " /etc/passwd"]) {
    assert.equal(looksLikeHostPath(p), true, p);
  }
  for (const ok of ["gallium", "EU27,JPN", "KOR, EU27", "China ban 2025", "50/50 split", "a..b", "2026-01-06", "%zz"]) {
    assert.equal(looksLikeHostPath(ok), false, ok);
  }
});

test("refuseHostPaths names the nested field and quotes no value", () => {
  assert.throws(
    () => refuseHostPaths({ material: "cobalt", scenario: { shocks: [{ targets: ["JPN", "/etc/shadow"] }] } }, "body"),
    (e: { code?: string; message?: string }) => e.code === "invalid_input" && /body\.scenario\.shocks\.0\.targets\.1/.test(e.message ?? "") && !/shadow/.test(e.message ?? ""),
  );
  assert.doesNotThrow(() => refuseHostPaths({ material: "cobalt", bloc: "EU27" }, "query"));
});
