import { timingSafeEqual } from "node:crypto";
import { ChokepointError } from "../domain/error.ts";

/**
 * Check `Authorization: Bearer <token>` against the configured token (constant-time).
 * No token configured: everything is allowed (the server binds to loopback by default).
 * @example requireToken("s3cret", req.header("authorization"))
 */
export function requireToken(expected: string | undefined, header: string | undefined): void {
  if (!expected) return;
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ChokepointError("unauthorized", "this endpoint needs the server's token: send 'Authorization: Bearer <CHOKEPOINT_TOKEN>'");
  }
}
