import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { setParams } from "../url.ts";

export const BLOCS = ["EU27", "JPN", "ALLIANCE"] as const;

type BlocInfo = { id: string; label?: string; members?: string[] };

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
 * The bloc picker: EU27 / JPN / Alliance as a radio group, plus any configured bloc or a list of
 * countries and blocs ("KOR,EU27", "Japan, South Korea"), kept in the URL's `bloc` parameter.
 */
export function BlocSwitch({ bloc }: { bloc: string }) {
  const known = useBlocList();
  const custom = !BLOCS.includes(bloc as (typeof BLOCS)[number]);
  const [text, setText] = useState(custom ? bloc : "");
  useEffect(() => setText(custom ? bloc : ""), [bloc, custom]);
  const extra = known.filter((b) => !BLOCS.includes(b.id as (typeof BLOCS)[number]));
  return (
    <div className="bloc-picker">
      <div className="switch" role="radiogroup" aria-label="Bloc">
        {BLOCS.map((b) => (
          <button key={b} role="radio" aria-checked={b === bloc} className={b === bloc ? "on" : ""} onClick={() => setParams({ bloc: b }, false)}>
            {b === "ALLIANCE" ? "Alliance" : b}
          </button>
        ))}
      </div>
      <form className="custom-bloc" onSubmit={(e) => { e.preventDefault(); if (text.trim()) setParams({ bloc: text.trim().replace(/\s*,\s*/g, ",") }, false); }}>
        <label>
          <span className="sr-only">Other bloc or countries</span>
          <input list="bloc-options" value={text} onChange={(e) => setText(e.target.value)} placeholder="other: KOR,EU27" aria-label="Other bloc or list of countries and blocs" className={custom ? "on" : ""} size={14} />
        </label>
        <datalist id="bloc-options">
          {extra.map((b) => <option key={b.id} value={b.id}>{b.label ?? (b.members ? b.members.join(", ") : b.id)}</option>)}
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
