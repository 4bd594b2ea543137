import { useEffect, useRef, type ReactNode } from "react";
import type { Loadable } from "./api.ts";
import { href, navigate, setParams } from "./url.ts";

export type SourceRef = { dataset: string; edition?: string; year?: number };

/** A link inside the app that navigates without reloading (and still works as a plain link). */
export function Link(props: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={props.to}
      className={props.className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        const u = new URL(props.to, window.location.origin);
        navigate(u.pathname, Object.fromEntries(u.searchParams));
      }}
    >
      {props.children}
    </a>
  );
}

/** Every figure names its sources in a footnote. */
export function Sources({ sources }: { sources: SourceRef[] }) {
  const seen = [...new Map(sources.map((s) => [`${s.dataset}|${s.edition}|${s.year}`, s])).values()];
  return (
    <p className="sources">
      Source: {seen.map((s) => `${s.dataset}${s.edition ? ` (${s.edition}${s.year ? `, ${s.year}` : ""})` : s.year ? ` (${s.year})` : ""}`).join("; ")}
    </p>
  );
}

/** An SVG string from src/report as a figure. */
export function SvgFigure({ svg, label }: { svg: string; label: string }) {
  return <figure className="svg" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** A node produced by Observable Plot (or any DOM builder), remounted when its inputs change. */
export function PlotFigure({ make, deps, label }: { make: () => Element; deps: unknown[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    ref.current?.replaceChildren(el);
    return () => el.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return <figure className="plot" aria-label={label} ref={ref} />;
}

export const BLOCS = ["EU27", "JPN", "ALLIANCE"] as const;

/** The EU27 / JPN / ALLIANCE switch, kept in the URL's `bloc` parameter. */
export function BlocSwitch({ bloc }: { bloc: string }) {
  return (
    <div className="switch" role="radiogroup" aria-label="Bloc">
      {BLOCS.map((b) => (
        <button key={b} role="radio" aria-checked={b === bloc} className={b === bloc ? "on" : ""} onClick={() => setParams({ bloc: b }, false)}>
          {b === "ALLIANCE" ? "Alliance" : b}
        </button>
      ))}
    </div>
  );
}

/** Loading and error states for a fetched value. */
export function Show<T>({ value, children, what }: { value: Loadable<T>; children: (data: T) => ReactNode; what: string }) {
  if (value.state === "loading") return <p className="loading" role="status">Loading {what}…</p>;
  if (value.state === "error") return <p className="error" role="alert">{what}: {value.error.message}</p>;
  return <>{children(value.data)}</>;
}

export const pct = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(d)} %`);

export { href };
