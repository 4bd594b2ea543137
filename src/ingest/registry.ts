import type { Loader } from "./core/loader.ts";
import { euCrmLoader } from "./eu-crm/eu-crm.ts";
import { comextLoader } from "./trade/comext.ts";
import { comtradeLoader } from "./trade/comtrade.ts";
import { monthlyTradeLoader } from "./trade/monthly-trade.ts";
import { eiLngLoader } from "./trade/ei-lng.ts";
import { itcLoader } from "./trade/itc.ts";
import { countriesLoader } from "./reference/countries.ts";
import { countryAliasesLoader } from "./reference/country-aliases.ts";
import { materialsLoader } from "./reference/materials.ts";
import { usgsSeriesLoader } from "./usgs/usgs-series.ts";
import { materialCodesLoader } from "./reference/material-codes.ts";
import { usgsMcsLoader } from "./usgs/usgs-mcs.ts";
import { wgiLoader } from "./reference/wgi.ts";
import { wgiLongLoader } from "./reference/wgi-long.ts";
import { hsLoader } from "./reference/hs.ts";
import { fxLoader } from "./reference/fx.ts";
import { gdpLoader } from "./reference/gdp.ts";
import { oecdIotVaLoader } from "./reference/oecd-iot-va.ts";
import { exportRestrictionsLoader } from "./reference/export-restrictions.ts";
import { baciLoader } from "./trade/baci.ts";
import { comtradeBulkLoader } from "./trade/comtrade-bulk.ts";
import { usCensusImportsLoader } from "./tariffs/us-census-imports.ts";
import { usTariffMeasuresLoader } from "./tariffs/us-tariff-measures.ts";

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
  "wgi-long": wgiLongLoader,
  hs: hsLoader,
  fx: fxLoader,
  gdp: gdpLoader,
  "oecd-iot-va": oecdIotVaLoader,
  "export-restrictions": exportRestrictionsLoader,
  baci: baciLoader,
  "comtrade-bulk": comtradeBulkLoader,
  "us-census-imports": usCensusImportsLoader,
  "us-tariff-measures": usTariffMeasuresLoader,
  "monthly-trade": monthlyTradeLoader,
};
