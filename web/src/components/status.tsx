import type { ReactNode } from "react";
import { ApiError } from "../api.ts";
import { Link } from "../ui.tsx";

/**
 * Split a server message into what a reader needs and the technical part: command-line hints
 * (`chokepoint …`, "run …") and dataset ids go to "data details", never into the sentence.
 * @example plain("no WGI estimates: load them with `chokepoint ingest wgi x.csv`") // { text: "no WGI estimates", details: ["chokepoint ingest wgi x.csv"] }
 */
export function plain(message: string): { text: string; details: string[] } {
  const details: string[] = [];
  let text = message.replace(/[.;:,]?\s*(?:\((?:run|see)[^)]*`[^`]+`[^)]*\)|(?:run|load (?:it|them)(?: with)?|with|use|see|try)?\s*`[^`]+`[^.;]*)/gi, (m) => {
    details.push(m.replace(/^[.;:,]?\s*/, "").replace(/`/g, ""));
    return "";
  });
  text = text.replace(/\s*\((?:run|see):? ?chokepoint [^)]*\)/gi, (m) => {
    details.push(m.trim().replace(/^\(|\)$/g, ""));
    return "";
  });
  text = text.replace(/\s*Run chokepoint [^.]*\.?/g, (m) => {
    details.push(m.trim());
    return "";
  });
  text = text.trim().replace(/[;:,]$/, "");
  if (text && !/[.!?]$/.test(text)) text += ".";
  return { text: text ? text[0].toUpperCase() + text.slice(1) : "Something went wrong.", details };
}

/** Technical details (dataset ids, commands) folded away under "Data details". */
export function DataDetails({ items, children }: { items?: string[]; children?: ReactNode }) {
  if (!items?.length && !children) return null;
  return (
    <details className="data-details">
      <summary>Data details</summary>
      {items?.length ? <ul>{items.map((d) => <li key={d}><code>{d}</code></li>)}</ul> : null}
      {children}
    </details>
  );
}

/** An error: a plain sentence, a way back, and the technical part folded away. Ends any spinner. */
export function ErrorBox({ error, what }: { error: Error | string; what?: string }) {
  const msg = typeof error === "string" ? error : error.message;
  const p = plain(msg);
  const status = error instanceof ApiError ? error.status : undefined;
  return (
    <div className="error" role="alert">
      <p>{what ? <b>{what}: </b> : null}{p.text}</p>
      <p className="way-back"><Link to="/">Back to the overview</Link>{" · "}<a href="#" onClick={(e) => { e.preventDefault(); history.back(); }}>previous page</a></p>
      <DataDetails items={[...p.details, ...(status ? [`HTTP ${status}${error instanceof ApiError ? ` ${error.code}` : ""}`] : [])]} />
    </div>
  );
}

/** Where there is nothing: unknown routes and unknown materials. */
export function NotFound({ what, hint }: { what: string; hint?: ReactNode }) {
  return (
    <section className="not-found" aria-labelledby="nf-h">
      <h1 id="nf-h">Not found</h1>
      <p role="alert">{what}</p>
      {hint ? <p>{hint}</p> : null}
      <p><Link to="/">Go to the overview</Link>{" · "}<Link to="/glossary">Glossary</Link></p>
    </section>
  );
}

/** Data that is simply not loaded (not an error): what is missing and how to add it. */
export function Absent({ title, children, details }: { title: string; children: ReactNode; details?: string[] }) {
  return (
    <div className="absent" role="status">
      <p><b>{title}</b></p>
      {children}
      <DataDetails items={details} />
    </div>
  );
}
