import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { yearPath } from "./material-data.ts";

export type Supplier = { country: string; name?: string; share: number; amount: number; unit: string; aggregate?: boolean; inBloc?: boolean; restricted?: boolean };
export type Exposure = {
  material: string; stage: string; bloc: string; year: number; basis: string;
  hhi: number; top: { country: string; share: number } | null; blocShare: number; restrictedShare: number;
  crma: { breached: boolean; country: string | null; share: number | null };
  suppliers: Supplier[];
  sources: { dataset: string; edition?: string; year?: number }[];
  coverage: { years: number[]; notes?: string[]; missing?: string[]; complete?: boolean; warnings?: string[] };
  /** the bloc's members as the server resolved them (GET /api/blocs lists the named blocs) */
  blocMembers?: string[];
};

export type YearPoint = { year: number; e: Exposure };

/**
 * The same exposure for every year loaded (oldest first): the trend of shares and HHI.
 * Years that fail are left out and named in `failed`.
 */
export function useYears(base: Exposure | null, basis: "production" | "sourcing"): { points: YearPoint[]; failed: number[] } | null {
  const [v, setV] = useState<{ points: YearPoint[]; failed: number[] } | null>(null);
  useEffect(() => {
    if (!base) return;
    let live = true;
    setV(null);
    const years = [...new Set(base.coverage.years)].sort((a, b) => a - b);
    Promise.allSettled(years.map((y) => (y === base.year ? Promise.resolve(base) : api<Exposure>(yearPath(base, basis, y))))).then((rs) => {
      if (!live) return;
      setV({
        points: rs.flatMap((r) => (r.status === "fulfilled" ? [{ year: r.value.year, e: r.value }] : [])).sort((a, b) => a.year - b.year),
        failed: years.filter((_, i) => rs[i].status === "rejected"),
      });
    });
    return () => {
      live = false;
    };
  }, [base, basis]);
  return v;
}

/** Coverage warnings of an exposure for people (missing reporters, incomplete years); the technical notes are separate. */
export function coverageWarnings(e: Exposure): string[] {
  return [...(e.coverage.warnings ?? []), ...(e.coverage.missing ?? [])];
}
