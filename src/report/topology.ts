import { createRequire } from "node:module";
import type { Topology } from "topojson-specification";

/**
 * The world-atlas 110m countries TopoJSON from the installed package (no network).
 * @example worldMapSvg(worldTopology(), input)
 */
export function worldTopology(): Topology {
  return createRequire(import.meta.url)("world-atlas/countries-110m.json") as Topology;
}
