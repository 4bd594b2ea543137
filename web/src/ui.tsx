import { useEffect, useRef, type ReactNode } from "react";
import type { Loadable } from "./api.ts";
import { href, navigate } from "./url.ts";
import { DataDetails, ErrorBox } from "./components/status.tsx";

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

/** Every figure names its sources in a footnote; editions (file ids, versions) are folded into data details. */
export function Sources({ sources, details = [] }: { sources: SourceRef[]; details?: string[] }) {
  const seen = [...new Map(sources.map((s) => [`${s.dataset}|${s.edition}|${s.year}`, s])).values()];
  const names = [...new Set(seen.map((s) => `${s.dataset}${s.year ? ` (${s.year})` : ""}`))];
  const editions = seen.filter((s) => s.edition).map((s) => `${s.dataset}: edition ${s.edition}${s.year ? `, data year ${s.year}` : ""}`);
  return (
    <div className="sources">
      <span>Source: {names.join("; ")}</span>
      <DataDetails items={[...new Set([...editions, ...details])]} />
    </div>
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

export { BLOCS, BlocSwitch, blocName } from "./components/bloc-picker.tsx";

/** Loading and error states for a fetched value. */
export function Show<T>({ value, children, what }: { value: Loadable<T>; children: (data: T) => ReactNode; what: string }) {
  if (value.state === "loading") return <p className="loading" role="status">Loading {what}…</p>;
  if (value.state === "error") return <ErrorBox error={value.error} what={`Could not load the ${what}`} />;
  return <>{children(value.data)}</>;
}

export const pct = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(d)} %`);

export { href };
