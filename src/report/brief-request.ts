import { z } from "zod";
import { BlocField, RunsField } from "../domain/request.ts";
import { MaterialIdSchema } from "../domain/vocabulary.ts";
import { validateScenario } from "../simulate/scenario.ts";
import type { Store } from "../store/store.ts";
import type { Bloc } from "../domain/blocs.ts";
import { briefData } from "./brief.ts";
import { briefHtml } from "./brief-html.ts";
import { htmlToPdf } from "./pdf.ts";

/** A briefing as PDF bytes; the HTTP app sends it as `application/pdf` with this file name. */
export interface PdfAnswer {
  pdf: Uint8Array;
  filename: string;
}

/** What a briefing is asked in a query (`GET /api/brief`): one material, one bloc. */
export const BriefRequestSchema = z.strictObject({
  material: MaterialIdSchema.describe("material id, e.g. gallium"),
  bloc: BlocField.default("ALLIANCE"),
});
export type BriefRequest = z.output<typeof BriefRequestSchema>;

/** What a briefing with a scenario is asked (`POST /api/brief` body): the scenario is an object in the scenario-file schema. */
export const BriefBodySchema = z.strictObject({
  material: MaterialIdSchema,
  bloc: BlocField.default("ALLIANCE"),
  scenario: z.unknown().optional(),
  runs: RunsField.optional(),
});
export type BriefBody = z.output<typeof BriefBodySchema>;

/**
 * Render a briefing to PDF through Chromium. Everything comes from validated fields: no file is
 * read from the request; a scenario is an object validated by the simulator's own schema.
 * @example const { pdf } = await briefPdf(store, { material: "gallium", bloc: "JPN" });
 */
export async function briefPdf(store: Store, q: Omit<BriefRequest, "bloc"> & { bloc: string | Bloc; scenario?: unknown; runs?: number }): Promise<PdfAnswer> {
  const scenario = q.scenario === undefined ? undefined : validateScenario(q.scenario, "request body.scenario");
  const data = await briefData(store, { material: q.material, bloc: q.bloc, scenario, runs: q.runs ?? (scenario ? 200 : undefined) });
  const pdf = await htmlToPdf(briefHtml(data));
  return { pdf: new Uint8Array(pdf), filename: `chokepoint-${data.material}-${data.bloc.replace(/[^A-Za-z0-9]+/g, "_")}.pdf` };
}
