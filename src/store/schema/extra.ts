/**
 * Tables owned by later capabilities (monitoring events, anomalies, world-scale trade).
 * Each capability appends its DDL here; keep them `CREATE TABLE IF NOT EXISTS`.
 */
export const extraDdl: string[] = [];
