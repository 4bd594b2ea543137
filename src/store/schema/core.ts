/**
 * Core tables: provenance, reference data (countries, materials) and the facts every analysis reads.
 * Units: production in metric tonnes (`value_t`); trade value in its own currency column;
 * shares are fractions 0–1.
 */
export const coreDdl = [
  `CREATE TABLE IF NOT EXISTS schema_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  // One row per dataset (publisher/edition/licence); rows is refreshed after each load.
  `CREATE TABLE IF NOT EXISTS datasets (
     id VARCHAR PRIMARY KEY, title VARCHAR, publisher VARCHAR, edition VARCHAR,
     licence VARCHAR, url VARCHAR, loader VARCHAR, loaded_at TIMESTAMP)`,
  // Content hashes make loading the same file twice a no-op.
  `CREATE TABLE IF NOT EXISTS loaded_files (
     hash VARCHAR PRIMARY KEY, dataset VARCHAR, loader VARCHAR, path VARCHAR, rows DOUBLE, loaded_at TIMESTAMP)`,
  `CREATE TABLE IF NOT EXISTS countries (
     iso3 VARCHAR PRIMARY KEY, iso2 VARCHAR, m49 VARCHAR, name VARCHAR, region VARCHAR, sub_region VARCHAR,
     eu27 BOOLEAN, oecd BOOLEAN, g7 BOOLEAN)`,
  // Names as other publishers spell them (EU study, Comtrade, EI, ITC), lowercased.
  `CREATE TABLE IF NOT EXISTS country_aliases (alias VARCHAR PRIMARY KEY, iso3 VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS materials (
     id VARCHAR PRIMARY KEY, name VARCHAR, grp VARCHAR, parent VARCHAR, stages VARCHAR[],
     default_stage VARCHAR, hs_codes VARCHAR[], cn_codes VARCHAR[], hs_caveat VARCHAR,
     eu_study_name VARCHAR, eu_crm_2023 BOOLEAN, eu_srm_2024 BOOLEAN, jp_critical BOOLEAN,
     jp_designation VARCHAR, notes VARCHAR)`,
  // Which USGS series measures a material at a stage (commodity file code + Type text).
  `CREATE TABLE IF NOT EXISTS usgs_series (
     material VARCHAR, stage VARCHAR, usgs_code VARCHAR, type_pattern VARCHAR, note VARCHAR)`,
  // Product codes (HS4/HS6/CN8) that carry a material in trade data.
  `CREATE TABLE IF NOT EXISTS material_codes (
     material VARCHAR, stage VARCHAR, code VARCHAR, classification VARCHAR, basket BOOLEAN, caveat VARCHAR)`,
  // USGS MCS world files, one row per country row × measure column. subtype tells apart columns
  // of one measure in one file (titanium Cap_Sponge/Cap_Pigment, potash Reserves_ore/_ore_K2O_equiv).
  `CREATE TABLE IF NOT EXISTS usgs_production (
     dataset VARCHAR, edition VARCHAR, usgs_code VARCHAR, country_label VARCHAR, iso3 VARCHAR,
     is_aggregate BOOLEAN, type VARCHAR, measure VARCHAR, year INTEGER, is_estimate BOOLEAN,
     unit VARCHAR, value_raw VARCHAR, value DOUBLE, value_t DOUBLE, source_file VARCHAR, line INTEGER,
     subtype VARCHAR)`,
  // World Governance Indicators estimates (six dimensions: VA PV GE RQ RL CC).
  `CREATE TABLE IF NOT EXISTS wgi (iso3 VARCHAR, year INTEGER, indicator VARCHAR, estimate DOUBLE, source_file VARCHAR)`,
  // EU 2023 criticality study tables (Appendix 6/7): scope = 'global' | 'eu'.
  `CREATE TABLE IF NOT EXISTS eu_supply_shares (
     scope VARCHAR, material_name VARCHAR, stage VARCHAR, country_label VARCHAR, iso3 VARCHAR,
     share DOUBLE, qualifier VARCHAR, t DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS eu_end_use (
     material_name VARCHAR, application VARCHAR, share DOUBLE, nace VARCHAR, va_meur DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS eu_crm_inputs (
     material_name VARCHAR, stages_assessed VARCHAR, basis_extraction VARCHAR, basis_processing VARCHAR,
     ir_extraction DOUBLE, ir_processing DOUBLE, eol_rir DOUBLE, si_ei DOUBLE, si_sr DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS eu_crm_scores (material_name VARCHAR, year INTEGER, sr DOUBLE, ei DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS eu_crm_lists (
     material_name VARCHAR, sr_2023 DOUBLE, ei_2023 DOUBLE, meets_thresholds_2023 BOOLEAN,
     crm_2023 BOOLEAN, srm_proposal_2023 BOOLEAN, srm_2024 BOOLEAN, srm_scope_note VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS eu_material_groupings (screened_material VARCHAR, grouping VARCHAR, grp VARCHAR)`,
  // How the study's tables name each material (they disagree: Barytes/Baryte, Borate/Boron…), and its id.
  `CREATE TABLE IF NOT EXISTS eu_crm_materials (
     id VARCHAR PRIMARY KEY, name VARCHAR, grp VARCHAR, inputs_name VARCHAR, list_name VARCHAR,
     global_name VARCHAR, eu_name_extraction VARCHAR, eu_name_processing VARCHAR, use_name VARCHAR)`,
  // The study's country labels (Brasil, Turkyie, Congo, D.R. …) mapped to ISO3.
  `CREATE TABLE IF NOT EXISTS eu_country_names (label VARCHAR PRIMARY KEY, iso3 VARCHAR, note VARCHAR)`,
  // Bilateral trade from any publisher. month 0 = annual. reporter/partner as ISO3;
  // flow 'M' import (reporter imports from partner) or 'X' export (reporter exports to partner).
  `CREATE TABLE IF NOT EXISTS trade (
     dataset VARCHAR, source_file VARCHAR, flow VARCHAR, reporter VARCHAR, partner VARCHAR,
     classification VARCHAR, product VARCHAR, year INTEGER, month INTEGER,
     value DOUBLE, currency VARCHAR, quantity DOUBLE, qty_unit VARCHAR)`,
  // Annual average exchange rates, to combine trade valued in different currencies.
  `CREATE TABLE IF NOT EXISTS fx_rates (year INTEGER, currency VARCHAR, per_usd DOUBLE, source VARCHAR)`,
  // GDP in current US$ (World Bank WDI NY.GDP.MKTP.CD) by economy and year; aggregate = a World Bank
  // group (EUU, WLD, income groups…), not a country: sums over members never read those rows.
  `CREATE TABLE IF NOT EXISTS gdp (
     country VARCHAR, year INTEGER, usd DOUBLE, aggregate BOOLEAN, name VARCHAR, dataset VARCHAR, source_file VARCHAR)`,
  // Value added by industry from a national input-output table (OECD IOTs, VALU row), million US$;
  // industry as published (D10T12 …) with the ISIC Rev.4 2-digit divisions it spans (isic_from–isic_to).
  `CREATE TABLE IF NOT EXISTS national_value_added (
     country VARCHAR, year INTEGER, industry VARCHAR, isic_from INTEGER, isic_to INTEGER, description VARCHAR,
     musd DOUBLE, dataset VARCHAR, source_file VARCHAR)`,
  // Export restrictions on record (for "share from restricting countries").
  `CREATE TABLE IF NOT EXISTS export_restrictions (
     country VARCHAR, material VARCHAR, measure VARCHAR, start_date DATE, end_date DATE,
     source VARCHAR, url VARCHAR,
     -- one measure (announcement) spans several material rows; destinations ';'-separated ISO3, NULL = all
     measure_id VARCHAR, announced DATE, destinations VARCHAR, suspended_from DATE, suspended_until DATE,
     suspension_source VARCHAR, codes VARCHAR, note VARCHAR)`,
  // HS nomenclature.
  `CREATE TABLE IF NOT EXISTS hs_codes (code VARCHAR PRIMARY KEY, description VARCHAR, parent VARCHAR, level INTEGER, section VARCHAR)`,
];
