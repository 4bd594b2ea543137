import type { SourceRef } from "../../domain/vocabulary.ts";
import type { Store } from "../store.ts";

/** One industry of a country's national value added table (`national_value_added`, OECD IOT VALU). */
export interface NationalVaRow {
  industry: string;
  isicFrom: number;
  isicTo: number;
  description: string;
  musd: number;
}

/** A country's value added by industry for one year, with the euro rate to convert it. */
export interface NationalVaTable {
  country: string;
  /** the year asked for (the scenario's) */
  requestedYear: number;
  /** the table's year: the latest at or before the one asked, else the earliest after it */
  year: number;
  rows: NationalVaRow[];
  source: SourceRef;
  /** EUR per US$ (ECB annual average) of the year asked or the nearest year with a rate; null when none is loaded */
  eurPerUsd: number | null;
  fxYear: number | null;
  fxSource: SourceRef | null;
}

/**
 * `country`'s value added by industry (million US$) for `year` — the latest year at or before it, or the
 * earliest after it when the table starts later — and the ECB euro rate of `year` or the nearest year
 * with one (the OECD table ends in 2018, the shipped rates start in 2022). Null when nothing is loaded.
 * Memoised per (country, year).
 *
 * @example (await nationalValueAdded(store, "JPN", 2023))?.year // 2018
 */
export function nationalValueAdded(store: Store, country: string, year: number): Promise<NationalVaTable | null> {
  return store.memo(`national-va:${country}:${year}`, async () => {
    const y = await store.one<{ year: number | null }>(
      `SELECT coalesce(max(year) FILTER (WHERE year <= $2), min(year)) AS year FROM national_value_added WHERE country = $1`,
      [country, year],
    );
    if (!y || y.year === null) return null;
    const rows = await store.all<NationalVaRow & { dataset: string }>(
      `SELECT industry, isic_from AS "isicFrom", isic_to AS "isicTo", description, musd, dataset
       FROM national_value_added WHERE country = $1 AND year = $2 ORDER BY isic_from`,
      [country, y.year],
    );
    const ds = await store.one<{ title: string; edition: string }>("SELECT title, edition FROM datasets WHERE id = $1", [rows[0].dataset]);
    const fx = await store.one<{ year: number; per_usd: number }>(
      "SELECT year, per_usd FROM fx_rates WHERE currency = 'EUR' ORDER BY abs(year - $1), year LIMIT 1",
      [year],
    );
    const fxDs = await store.one<{ title: string; edition: string }>("SELECT title, edition FROM datasets WHERE loader = 'fx' ORDER BY id LIMIT 1");
    return {
      country,
      requestedYear: year,
      year: y.year,
      rows: rows.map(({ dataset: _d, ...r }) => r),
      source: { dataset: ds?.title ?? rows[0].dataset, edition: ds?.edition ?? "", year: y.year },
      eurPerUsd: fx?.per_usd ?? null,
      fxYear: fx?.year ?? null,
      fxSource: fx && fxDs ? { dataset: fxDs.title, edition: fxDs.edition, year: fx.year } : null,
    };
  });
}
