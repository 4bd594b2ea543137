import type { Command } from "commander";
import { register as assess } from "./assess.ts";
import { register as benchmarks } from "./benchmarks.ts";
import { register as data } from "./data.ts";
import { register as exposure } from "./exposure.ts";
import { register as ingest } from "./ingest.ts";
import { register as materials } from "./materials.ts";
import { register as overview } from "./overview.ts";
import { register as plan } from "./plan.ts";
import { register as simulate } from "./simulate.ts";
import { register as extract } from "./extract.ts";
import { register as anomalies } from "./anomalies.ts";
import { register as watch } from "./watch.ts";
import { register as alerts } from "./alerts.ts";
import { register as scan } from "./scan.ts";
import { register as serve } from "./serve.ts";
import { register as brief } from "./brief.ts";
import { register as tariffs } from "./tariffs.ts";
import { register as restrictions } from "./restrictions.ts";
import { register as partners } from "./partners.ts";

/**
 * Every CLI command, as a function that registers itself on the program.
 * Add a command: write `commands/<name>.ts` exporting `register`, and list it here.
 */
export const commands: ((program: Command) => void)[] = [overview, exposure, materials, ingest, data, plan, assess, benchmarks, simulate, extract, scan, anomalies, watch, alerts, serve, brief, tariffs, restrictions, partners];
