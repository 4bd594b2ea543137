/**
 * Synthetic BACI-format files for benchmarks and the crash test — NEVER as data: every figure in
 * them is random. They have the shapes of a real BACI year (about 220 countries with BACI's own
 * numeric codes, ~5,000 HS6 products, heavy-tailed flows per product, a few dominant exporters,
 * log-normal values in thousands of USD, quantities in tonnes, ~2 % of quantities "NA") so that
 * DuckDB's work on them resembles its work on the real release.
 *
 * Usage: npx tsx bench/baci-generate.ts --rows 1000000 --out /tmp/baci [--year 2023] [--seed 1]
 */
import { mkdirSync, openSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "../src/simulate/rng.ts";

// ISO3 with BACI's numeric codes (BACI's own codes for USA 842, FRA 251, IND 699, CHE 757, NOR 579, 490).
const COUNTRIES = `
AFG:4 ALB:8 DZA:12 ASM:16 AND:20 AGO:24 AIA:660 ATG:28 ARG:32 ARM:51 ABW:533 AUS:36 AUT:40 AZE:31
BHS:44 BHR:48 BGD:50 BRB:52 BLR:112 BEL:56 BLZ:84 BEN:204 BMU:60 BTN:64 BOL:68 BIH:70 BWA:72 BRA:76
BRN:96 BGR:100 BFA:854 BDI:108 CPV:132 KHM:116 CMR:120 CAN:124 CYM:136 CAF:140 TCD:148 CHL:152
CHN:156 COL:170 COM:174 COG:178 COD:180 COK:184 CRI:188 CIV:384 HRV:191 CUB:192 CUW:531 CYP:196
CZE:203 DNK:208 DJI:262 DMA:212 DOM:214 ECU:218 EGY:818 SLV:222 GNQ:226 ERI:232 EST:233 SWZ:748
ETH:231 FLK:238 FRO:234 FJI:242 FIN:246 FRA:251 PYF:258 GAB:266 GMB:270 GEO:268 DEU:276 GHA:288
GIB:292 GRC:300 GRL:304 GRD:308 GUM:316 GTM:320 GIN:324 GNB:624 GUY:328 HTI:332 VAT:336 HND:340
HKG:344 HUN:348 ISL:352 IND:699 IDN:360 IRN:364 IRQ:368 IRL:372 ISR:376 ITA:380 JAM:388 JPN:392
JOR:400 KAZ:398 KEN:404 KIR:296 PRK:408 KOR:410 KWT:414 KGZ:417 LAO:418 LVA:428 LBN:422 LSO:426
LBR:430 LBY:434 LIE:438 LTU:440 LUX:442 MAC:446 MDG:450 MWI:454 MYS:458 MDV:462 MLI:466 MLT:470
MHL:584 MRT:478 MUS:480 MEX:484 FSM:583 MDA:498 MCO:492 MNG:496 MNE:499 MSR:500 MAR:504 MOZ:508
MMR:104 NAM:516 NRU:520 NPL:524 NLD:528 NCL:540 NZL:554 NIC:558 NER:562 NGA:566 MKD:807 MNP:580
NOR:579 OMN:512 PAK:586 PLW:585 PSE:275 PAN:591 PNG:598 PRY:600 PER:604 PHL:608 POL:616 PRT:620
PRI:630 QAT:634 ROU:642 RUS:643 RWA:646 SHN:654 KNA:659 LCA:662 VCT:670 WSM:882 SMR:674 STP:678
SAU:682 SEN:686 SRB:688 SYC:690 SLE:694 SGP:702 SXM:534 SVK:703 SVN:705 SLB:90 SOM:706 ZAF:710
SSD:728 ESP:724 LKA:144 SDN:729 SUR:740 SWE:752 CHE:757 SYR:760 TWN:490 TJK:762 TZA:834 THA:764
TLS:626 TGO:768 TON:776 TTO:780 TUN:788 TUR:792 TKM:795 TCA:796 TUV:798 UGA:800 UKR:804 ARE:784
GBR:826 USA:842 URY:858 UZB:860 VUT:548 VEN:862 VNM:704 VGB:92 VIR:850 YEM:887 ZMB:894 ZWE:716
`.trim().split(/\s+/).map((s) => { const [iso3, code] = s.split(":"); return { iso3, code: Number(code) }; });

// Large traders first, so the Zipf weights make them the usual top suppliers.
const BIG = "CHN USA DEU JPN KOR NLD ITA FRA GBR IND CAN MEX BEL SGP VNM ESP CHE TWN RUS AUS POL MYS THA BRA IDN SAU ARE SWE AUT IRL".split(" ");

export interface GenerateOptions {
  rows: number;
  out: string;
  year?: number;
  seed?: number;
  classification?: string;
  version?: string;
}

export interface GeneratedRelease {
  trade: string;
  countries: string;
  products: string;
  rows: number;
}

/** The simulator's seeded PRNG (mulberry32), so generated files are reproducible from a seed. */
export const rng = mulberry32;

function zipfCdf(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < n; i++) cdf[i] /= sum;
  return cdf;
}

function pick(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
}

/** ~5,000 six-digit codes spread over HS chapters 01–97 (chapter 77 is reserved). */
function products(r: () => number, n: number): string[] {
  const set = new Set<string>();
  while (set.size < n) {
    let ch = 1 + Math.floor(r() * 97);
    if (ch === 77) ch = 76;
    const code = String(ch).padStart(2, "0") + String(1 + Math.floor(r() * 99)).padStart(2, "0") + String(10 * Math.floor(r() * 10)).padStart(2, "0");
    set.add(code);
  }
  return [...set].sort();
}

/**
 * Write a BACI release (trade file + country and product code lists) with `rows` trade rows.
 * @example generateBaci({ rows: 1_000_000, out: "/tmp/baci" })
 */
export function generateBaci(opts: GenerateOptions): GeneratedRelease {
  const year = opts.year ?? 2023;
  const cls = opts.classification ?? "HS22";
  const ver = opts.version ?? "V202501";
  const r = rng(opts.seed ?? 1);
  mkdirSync(opts.out, { recursive: true });
  const ordered = [...BIG.map((b) => COUNTRIES.find((c) => c.iso3 === b)!), ...COUNTRIES.filter((c) => !BIG.includes(c.iso3))];
  const nc = ordered.length;
  const expCdf = zipfCdf(nc, 1.15);
  const impCdf = zipfCdf(nc, 0.8);
  const codes = products(r, Math.min(5000, Math.max(50, Math.round(opts.rows / 40))));
  // Flows per product are heavy-tailed (log-normal weights), capped by the number of country pairs.
  const w = codes.map(() => Math.exp(1.2 * normal(r)));
  const wsum = w.reduce((a, b) => a + b, 0);
  const target = w.map((x) => Math.min(Math.round((x / wsum) * opts.rows), 20000));
  let short = opts.rows - target.reduce((a, b) => a + b, 0);
  for (let p = 0; short !== 0; p = (p + 1) % codes.length) {
    if (short > 0 && target[p] < 20000) (target[p]++, short--);
    else if (short < 0 && target[p] > 1) (target[p]--, short++);
  }

  const trade = join(opts.out, `BACI_${cls}_Y${year}_${ver}.csv`);
  const fd = openSync(trade, "w");
  let buf = "t,i,j,k,v,q\n";
  let rows = 0;
  for (let p = 0; p < codes.length; p++) {
    const k = codes[p];
    const price = Math.exp(1 + 2 * normal(r)); // thousand USD per tonne
    // Rotate the exporter ranking per product so that the dominant supplier varies.
    const shift = r() < 0.6 ? 0 : Math.floor(r() * 12);
    const seen = new Set<number>();
    let tries = 0;
    while (seen.size < target[p]) {
      const u = tries++ > 50 * target[p] ? Math.floor(r() * nc) : pick(expCdf, r());
      const e = (u + shift) % nc;
      const m = tries > 50 * target[p] ? Math.floor(r() * nc) : pick(impCdf, r());
      if (e === m) continue;
      const key = e * 1000 + m;
      if (seen.has(key)) continue;
      seen.add(key);
      const size = 1 / Math.pow(e + 1, 0.6) / Math.pow(m + 1, 0.3);
      const v = Math.max(0.001, 2000 * size * Math.exp(1.8 * normal(r)));
      const q = r() < 0.02 ? "NA" : Math.max(0.001, v / price).toFixed(3);
      buf += `${year},${ordered[e].code},${ordered[m].code},${k},${v.toFixed(3)},${q}\n`;
      rows++;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = "";
      }
    }
  }
  writeSync(fd, buf);
  closeSync(fd);

  const countries = join(opts.out, `country_codes_${ver}.csv`);
  const cfd = openSync(countries, "w");
  writeSync(cfd, "country_code,country_name,country_iso2,country_iso3\n");
  for (const c of COUNTRIES) writeSync(cfd, `${c.code},Country ${c.iso3},${c.iso3.slice(0, 2)},${c.iso3}\n`);
  closeSync(cfd);
  const productsFile = join(opts.out, `product_codes_${cls}_${ver}.csv`);
  const pfd = openSync(productsFile, "w");
  writeSync(pfd, "code,description\n");
  for (const k of codes) writeSync(pfd, `${k},"Synthetic product ${k}"\n`);
  closeSync(pfd);
  return { trade, countries, products: productsFile, rows };
}

function arg(name: string, def?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const t0 = performance.now();
  const g = generateBaci({
    rows: Number(arg("rows", "1000000")),
    out: arg("out", "/tmp/baci-synthetic")!,
    year: Number(arg("year", "2023")),
    seed: Number(arg("seed", "1")),
  });
  process.stderr.write(`wrote ${g.rows} rows to ${g.trade} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
