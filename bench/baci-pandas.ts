/**
 * The scan's per-product computation written in pandas, for `bench/baci-bench.ts` (run with
 * Debian's /usr/bin/python3 and python3-pandas). Prints JSON: read and compute seconds, product
 * count and checksums to compare with chokepoint's answer.
 */
export const PANDAS_SCAN = String.raw`
import json, sys, time
import pandas as pd
trade, members = sys.argv[1], set(int(c) for c in sys.argv[2].split(","))
t0 = time.perf_counter()
df = pd.read_csv(trade, usecols=["i", "j", "k", "v"], dtype={"i": "int16", "j": "int16", "k": "int32", "v": "float64"})
t1 = time.perf_counter()
c1 = time.process_time()
df["x_in"] = df["i"].isin(members)
df["m_in"] = df["j"].isin(members)
world = df.groupby(["k", "i"], sort=False)["v"].sum()
ext_rows = df[df["m_in"] & ~df["x_in"]]
ext = ext_rows.groupby(["k", "i"], sort=False)["v"].sum()
per = ext.groupby(level=0)
total = per.sum()
total = total[total > 0]
hhi = (ext.pow(2).groupby(level=0).sum() / total.pow(2)).reindex(total.index)
suppliers = (ext > 0).groupby(level=0).sum().reindex(total.index)
top_idx = ext.groupby(level=0).idxmax().reindex(total.index)
top_v = ext.loc[top_idx.values].values
wtot = world.groupby(level=0).sum().reindex(total.index)
top_world = world.loc[top_idx.values].values / wtot.values
world_hhi = (world.pow(2).groupby(level=0).sum() / world.groupby(level=0).sum().pow(2)).reindex(total.index)
intra = df[df["m_in"] & df["x_in"]].groupby("k")["v"].sum().reindex(total.index, fill_value=0)
bloc_exports = df[df["x_in"]].groupby("k")["v"].sum().reindex(total.index, fill_value=0)
share = total / (total + intra)
ratio = total / bloc_exports.where(bloc_exports > 0)
dependent = (hhi > 0.4) & (share > 0.5) & (ratio.isna() | (ratio > 1))
out = pd.DataFrame({"ext": total, "hhi": hhi, "suppliers": suppliers, "top_share": top_v / total.values,
                    "top_world": top_world, "world_hhi": world_hhi, "dependent": dependent}).sort_values("ext", ascending=False)
t2 = time.perf_counter()
c2 = time.process_time()
print(json.dumps({"read_s": t1 - t0, "compute_s": t2 - t1, "compute_cpu_s": c2 - c1, "products": int(len(out)), "dependent": int(out["dependent"].sum()),
                  "ext_sum": float(out["ext"].sum()), "hhi_sum": float(out["hhi"].sum()), "top_world_sum": float(out["top_world"].sum())}))
`;
