import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { setParams } from "../url.ts";

export const BLOCS = ["EU27", "JPN", "ALLIANCE"] as const;

type BlocInfo = { id: string; label?: string; members?: string[]; configured?: boolean };

/** Blocs the server knows (`GET /api/blocs`: built-in and configured); the three built-in ones when that route is absent. */
function useBlocList(): BlocInfo[] {
  const [v, setV] = useState<BlocInfo[]>([]);
  useEffect(() => {
    let live = true;
    api<unknown>("/api/blocs").then(
      (r) => live && setV(blocList(r)),
      () => live && setV([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return v;
}

/** Accepts `{ blocs: [{ id, … }] }`, `{ blocs: { ID: [...] } }` or a bare list. */
function blocList(r: unknown): BlocInfo[] {
  const b = (r as { blocs?: unknown })?.blocs ?? r;
  if (Array.isArray(b)) return b.map((x) => (typeof x === "string" ? { id: x } : (x as BlocInfo))).filter((x) => typeof x?.id === "string");
  if (b && typeof b === "object") return Object.entries(b as Record<string, unknown>).map(([id, m]) => ({ id, members: Array.isArray(m) ? (m as string[]) : undefined }));
  return [];
}

/**
 * The bloc picker: EU27 / JPN / Alliance as a radio group; the other blocs the server knows
 * (`GET /api/blocs`: G7 and those configured in chokepoint.config.json) in a menu; any list of
 * countries and blocs ("KOR,EU27", "Japan, South Korea") typed in. Kept in the URL's `bloc` parameter.
 */
export function BlocSwitch({ bloc }: { bloc: string }) {
  const known = useBlocList();
  const core = BLOCS.includes(bloc as (typeof BLOCS)[number]);
  const extra = known.filter((b) => !BLOCS.includes(b.id as (typeof BLOCS)[number]));
  const listed = extra.some((b) => b.id === bloc);
  const custom = !core && !listed;
  const [text, setText] = useState(custom ? bloc : "");
  useEffect(() => setText(custom ? bloc : ""), [bloc, custom]);
  return (
    <div className="bloc-picker">
      <div className="switch" role="radiogroup" aria-label="Bloc">
        {BLOCS.map((b) => (
          <button key={b} role="radio" aria-checked={b === bloc} className={b === bloc ? "on" : ""} onClick={() => setParams({ bloc: b }, false)}>
            {b === "ALLIANCE" ? "Alliance" : b}
          </button>
        ))}
      </div>
      {extra.length ? (
        <label className="select more-blocs">
          <span className="sr-only">More blocs</span>
          <select aria-label="More blocs" value={listed ? bloc : ""} className={listed ? "on" : ""} onChange={(e) => e.target.value && setParams({ bloc: e.target.value }, false)}>
            <option value="">More blocs…</option>
            {extra.map((b) => <option key={b.id} value={b.id} title={b.members?.join(", ")}>{b.label ?? b.id} ({b.configured ? "configured, " : ""}{b.members ? `${b.members.length} countries` : "bloc"})</option>)}
          </select>
        </label>
      ) : null}
      <form className="custom-bloc" onSubmit={(e) => { e.preventDefault(); if (text.trim()) setParams({ bloc: text.trim().replace(/\s*,\s*/g, ",") }, false); }}>
        <label>
          <span className="sr-only">Other bloc or countries</span>
          <input list="bloc-options" value={text} onChange={(e) => setText(e.target.value)} placeholder="KOR,EU27" aria-label="Other bloc or list of countries and blocs" title="Any list of countries and blocs, e.g. KOR,EU27" className={custom ? "on" : ""} size={12} />
        </label>
        <datalist id="bloc-options">
          <option value="KOR,EU27">South Korea and the EU</option>
          <option value="JPN,KOR">Japan and South Korea</option>
        </datalist>
        <button type="submit">Apply</button>
      </form>
    </div>
  );
}

/** A bloc for people: "Japan–EU alliance", "KOR, EU27". */
export const blocName = (b: string) => (b === "ALLIANCE" ? "Japan–EU alliance" : b === "JPN" ? "Japan" : b === "EU27" ? "EU27" : b.split(",").join(", "));
