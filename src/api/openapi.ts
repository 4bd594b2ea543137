import { z } from "zod";
import type { Route } from "./routes.ts";
import { ErrorBody } from "./schemas.ts";

/** A JSON Schema object as zod writes it (only the keys read here are typed). */
interface JsonSchema {
  properties?: Record<string, object | boolean>;
  required?: string[];
  [key: string]: unknown;
}

const json = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' zod schemas.
 * @example openApi(ROUTES).paths["/api/exposure"].get.parameters[0].name // "material"
 */
export function openApi(routes: readonly Route[], version = "0.1.0") {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  for (const r of routes) {
    const q = json(r.query);
    const required = new Set<string>(q.required ?? []);
    const parameters = Object.entries(q.properties ?? {}).map(([name, schema]) => {
      const s: { default?: unknown; description?: string } = typeof schema === "object" ? schema : {};
      return { name, in: "query", required: required.has(name) && !("default" in s), ...(s.description ? { description: s.description } : {}), schema };
    });
    paths[r.path] = {
      ...paths[r.path],
      [r.method]: {
        summary: r.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(r.body ? { requestBody: { required: true, content: { "application/json": { schema: json(r.body) }, ...(r.path === "/api/simulate" ? { "application/yaml": { schema: { type: "string" } } } : {}) } } } : {}),
        ...(r.guarded ? { security: [{ bearer: [] }] } : {}),
        responses: {
          200: { description: "the result as JSON; every figure carries its source (dataset, edition, year)" },
          400: error,
          ...(r.guarded ? { 401: error } : {}),
          404: error,
          501: error,
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "chokepoint API", version, description: "Exposure, criticality, scenarios, plans and alerts for critical supply chains." },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: json(ErrorBody) },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "CHOKEPOINT_TOKEN, when the server has one" } },
    },
  };
}
