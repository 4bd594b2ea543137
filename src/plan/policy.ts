import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readConfig } from "../domain/config.ts";
import { ChokepointError } from "../domain/error.ts";
import { DATA_DIR } from "../store/manifest.ts";

const Regime = z.object({ by: z.string(), act: z.string(), url: z.string() });
const SanctionsFile = z.object({
  asOf: z.string(),
  meaning: z.string(),
  countries: z.array(z.object({ iso3: z.string().length(3), regimes: z.array(Regime).min(1), note: z.string().optional() })),
});
const TrustedFile = z.object({
  asOf: z.string(),
  meaning: z.string(),
  excluded: z.array(z.object({ agreement: z.string(), reason: z.string() })),
  groups: z.array(z.object({ id: z.string(), name: z.string(), members: z.array(z.string().regex(/^([A-Z]{3}|EU27)$/)), source: z.string(), url: z.string() })),
});
const PolicyConfig = z
  .object({
    trusted: z.array(z.string()).optional(),
    sanctioned: z.array(z.string()).optional(),
    allow: z.array(z.string()).optional(),
  })
  .strict();

export type SanctionsList = z.infer<typeof SanctionsFile>;
export type TrustedList = z.infer<typeof TrustedFile>;

/** The lists in force for one plan, with where each came from. */
export interface Policy {
  sanctioned: Map<string, { regimes: string[]; note?: string }>;
  trusted: Set<string>;
  trustedSource: string;
  allowed: string[];
  sanctionsSource: string;
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ChokepointError("invalid_input", `${path}: not valid JSON: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new ChokepointError("invalid_input", `${path}: ${i.path.join(".")}: ${i.message}`);
  }
  return r.data;
}

let cache: { sanctions: SanctionsList; trusted: TrustedList } | undefined;

/** The shipped lists (`data/policy/sanctions.json`, `trusted.json`), read once per process. */
export function shippedPolicy(dataDir = DATA_DIR): { sanctions: SanctionsList; trusted: TrustedList } {
  if (cache && dataDir === DATA_DIR) return cache;
  const out = {
    sanctions: readJson(join(dataDir, "policy", "sanctions.json"), SanctionsFile),
    trusted: readJson(join(dataDir, "policy", "trusted.json"), TrustedFile),
  };
  if (dataDir === DATA_DIR) cache = out;
  return out;
}

/** `policy` from `chokepoint.config.json` (or $CHOKEPOINT_CONFIG): `{ "policy": { "trusted": [...], "sanctioned": [...], "allow": [...] } }`. */
export function configuredPolicy(): z.infer<typeof PolicyConfig> & { path?: string } {
  const file = readConfig();
  if (!file) return {};
  const r = z.object({ policy: PolicyConfig.optional() }).passthrough().safeParse(file.data);
  if (!r.success) throw new ChokepointError("invalid_input", `${file.path}: ${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message}`);
  return r.data.policy ? { ...r.data.policy, path: file.path } : {};
}

const upper = (xs: readonly string[]) => xs.map((x) => x.trim().toUpperCase()).filter(Boolean);

/**
 * The sanctions and trusted lists for a plan: shipped defaults, replaced by the config file's
 * `policy.sanctioned` / `policy.trusted` when given, then `trusted` (the request's --trusted, already
 * resolved to ISO3) replaces the trusted default and `allow` takes countries off the sanctions list.
 * The bloc's own members are always trusted and never excluded.
 * `EU27` in a shipped group stands for `euMembers`.
 * @example resolvePolicy(["JPN"], {}).sanctioned.has("RUS") // true
 */
export function resolvePolicy(blocMembers: readonly string[], req: { trusted?: string[]; allow?: string[] }, euMembers: readonly string[] = []): Policy {
  const { sanctions, trusted } = shippedPolicy();
  const cfg = configuredPolicy();
  const allowed = new Set(upper([...(cfg.allow ?? []), ...(req.allow ?? [])]));
  const sanctioned = new Map<string, { regimes: string[]; note?: string }>();
  if (cfg.sanctioned) for (const c of upper(cfg.sanctioned)) sanctioned.set(c, { regimes: [`${cfg.path}`] });
  else for (const c of sanctions.countries) sanctioned.set(c.iso3, { regimes: c.regimes.map((r) => `${r.by}: ${r.act}`), ...(c.note ? { note: c.note } : {}) });
  for (const c of [...allowed, ...blocMembers]) sanctioned.delete(c);
  let list: string[];
  let trustedSource: string;
  if (req.trusted) {
    list = req.trusted;
    trustedSource = "the request (--trusted)";
  } else if (cfg.trusted) {
    list = upper(cfg.trusted);
    trustedSource = `${cfg.path} policy.trusted`;
  } else {
    list = trusted.groups.flatMap((g) => g.members).flatMap((c) => (c === "EU27" ? euMembers : [c]));
    trustedSource = `data/policy/trusted.json (${trusted.groups.map((g) => g.id).join(", ")}; as of ${trusted.asOf})`;
  }
  const set = new Set([...blocMembers, ...list].filter((c) => !sanctioned.has(c)));
  return {
    sanctioned,
    trusted: set,
    trustedSource,
    allowed: [...allowed].sort(),
    sanctionsSource: cfg.sanctioned ? `${cfg.path} policy.sanctioned` : `data/policy/sanctions.json (EU and Japanese regimes, as of ${sanctions.asOf})`,
  };
}
