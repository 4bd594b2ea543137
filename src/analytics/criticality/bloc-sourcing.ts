import { exposure } from "../exposure.ts";
import { ChokepointError } from "../../domain/error.ts";
import type { Stage } from "../../domain/vocabulary.ts";
import { listMaterials } from "../../store/queries/materials.ts";
import type { Store } from "../../store/store.ts";
import type { Bloc } from "../../domain/blocs.ts";
import type { Coverage } from "../../domain/coverage.ts";
import type { Supplier } from "./hhi-wgi.ts";

/**
 * A bloc's sourcing mix from trade (the lead's `exposure` with basis "sourcing": extra-bloc imports by
 * partner), or null with the reason when trade data cannot give it. Study material ids are the
 * catalogue's ids; a study material outside the catalogue has no trade codes and gets no mix. When a
 * member of a group (a rare earth, a PGM) has no import records of its own, the group's codes are
 * used instead and the mix is flagged as a basket proxy.
 *
 * @example (await blocSourcing(store, "gallium", "processing", "JPN")).mix?.[0] // { iso3: "CHN", share: …, t: 1 }
 */
export async function blocSourcing(store: Store, material: string, stage: Stage, spec: string | Bloc): Promise<{ mix: Supplier[] | null; notes: string[]; coverage: Coverage }> {
  const bloc = typeof spec === "string" ? spec : spec.id;
  const catalogue = await listMaterials(store);
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  if (!byId.has(material)) return { mix: null, notes: [`${bloc} sourcing mix unavailable: '${material}' has no trade codes in the material catalogue`], coverage: { complete: false, warnings: [`no trade codes for ${material}`] } };
  const tried: string[] = [];
  for (let id: string | null = material; id; id = byId.get(id)?.parent ?? null) {
    try {
      const e = await exposure(store, { material: id, stage, bloc: spec, basis: "sourcing" });
      const countries = e.suppliers.filter((s) => !s.aggregate);
      if (!countries.length) return { mix: null, notes: [`no ${bloc} imports by partner in trade data`], coverage: e.coverage };
      const proxy = id === material ? "" : ` — basket proxy: no records for ${material}, codes of its group '${id}'`;
      return {
        mix: countries.map((s) => ({ iso3: s.country, share: s.share, t: 1 })),
        notes: [`${bloc} sourcing: imports by partner ${e.year}, ${e.total.unit} (${e.sources.map((s) => s.dataset).join(", ")})${proxy}`],
        coverage: proxy ? { complete: false, warnings: [...e.coverage.warnings, proxy.replace(/^ — /, "")] } : e.coverage,
      };
    } catch (err) {
      if (!(err instanceof ChokepointError)) throw err;
      tried.push(err.problems[0]?.message ?? err.message); // the short form: the CLI's no_data message explains at length
    }
  }
  const why = `${bloc} sourcing mix unavailable: ${[...new Set(tried)].join("; ")}`;
  return { mix: null, notes: [why], coverage: { complete: false, warnings: [why] } };
}
