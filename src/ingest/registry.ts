import type { Loader } from "./loader.ts";
import { euCrmLoader } from "./eu-crm.ts";
import { comextLoader } from "./comext.ts";
import { comtradeLoader } from "./comtrade.ts";
import { eiLngLoader } from "./ei-lng.ts";
import { itcLoader } from "./itc.ts";
import { countriesLoader } from "./countries.ts";
import { countryAliasesLoader } from "./country-aliases.ts";
import { materialsLoader } from "./materials.ts";
import { usgsSeriesLoader } from "./usgs-series.ts";
import { materialCodesLoader } from "./material-codes.ts";
import { usgsMcsLoader } from "./usgs-mcs.ts";
import { wgiLoader } from "./wgi.ts";
import { hsLoader } from "./hs.ts";
import { fxLoader } from "./fx.ts";
import { exportRestrictionsLoader } from "./export-restrictions.ts";
import { baciLoader } from "./baci.ts";
import { comtradeBulkLoader } from "./comtrade-bulk.ts";
import { usCensusImportsLoader } from "./us-census-imports.ts";
import { usTariffMeasuresLoader } from "./us-tariff-measures.ts";

/**
 * Every loader by id. `chokepoint ingest <id> FILE…` and the starter build (data/<folder>/dataset.json)
 * both go through this table.
 */
export const loaders: Record<string, Loader> = {
  "eu-crm": euCrmLoader,
  comext: comextLoader,
  comtrade: comtradeLoader,
  "ei-lng": eiLngLoader,
  itc: itcLoader,
  countries: countriesLoader,
  "country-aliases": countryAliasesLoader,
  materials: materialsLoader,
  "usgs-series": usgsSeriesLoader,
  "material-codes": materialCodesLoader,
  "usgs-mcs": usgsMcsLoader,
  wgi: wgiLoader,
  hs: hsLoader,
  fx: fxLoader,
  "export-restrictions": exportRestrictionsLoader,
  baci: baciLoader,
  "comtrade-bulk": comtradeBulkLoader,
  "us-census-imports": usCensusImportsLoader,
  "us-tariff-measures": usTariffMeasuresLoader,
};
