import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { saveBlob, slug, toCsv } from "../csv.ts";

/** The width a figure has to draw in (its container's), updated on resize; charts are drawn at that width so text stays 9–11 px. */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(Math.floor(el.clientWidth));
    const ro = new ResizeObserver(() => setW((old) => (Math.abs(old - el.clientWidth) > 8 ? Math.floor(el.clientWidth) : old)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

export interface ChartProps {
  /** Accessible name and the stem of download file names. */
  label: string;
  /** The figure's data, one object per row: what "Download CSV" writes. */
  rows: Record<string, unknown>[];
  /** An SVG string drawn at the given width (src/report), or … */
  svg?: (width: number) => string;
  /** … a DOM node (Observable Plot) drawn at the given width. */
  plot?: (width: number) => Element;
  /** Widest the chart is drawn (default 900 px). */
  maxWidth?: number;
  deps?: unknown[];
}

/** A chart sized to its container with "Download CSV / SVG / PNG" buttons. */
export function Chart({ label, rows, svg, plot, maxWidth = 900, deps = [] }: ChartProps) {
  const [ref, measured] = useWidth();
  const width = Math.max(300, Math.min(maxWidth, measured));
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!plot || !measured || !host.current) return;
    const el = plot(width);
    host.current.replaceChildren(el);
    return () => el.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, measured, ...deps]);
  const name = slug(label);
  const mainSvg = () => {
    const all = [...(host.current?.querySelectorAll("svg") ?? [])];
    return all.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
  };
  const svgText = () => {
    const el = mainSvg();
    if (!el) return "";
    const copy = el.cloneNode(true) as SVGSVGElement;
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    if (!copy.getAttribute("width")) copy.setAttribute("width", String(el.clientWidth));
    if (!copy.getAttribute("height")) copy.setAttribute("height", String(el.clientHeight));
    return new XMLSerializer().serializeToString(copy);
  };
  const png = () => {
    const el = mainSvg();
    if (!el) return;
    const img = new Image();
    const scale = 2;
    img.onload = () => {
      const c = document.createElement("canvas");
      c.width = el.clientWidth * scale;
      c.height = el.clientHeight * scale;
      const g = c.getContext("2d")!;
      g.fillStyle = "#fff";
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(img, 0, 0, c.width, c.height);
      c.toBlob((b) => b && saveBlob(b, `${name}.png`), "image/png");
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText())}`;
  };
  return (
    <div className="chart" ref={ref}>
      {svg ? (
        <figure className="svg" aria-label={label} ref={host} dangerouslySetInnerHTML={{ __html: measured ? svg(width) : "" }} />
      ) : (
        <figure className="plot" aria-label={label} ref={host} />
      )}
      <div className="figure-tools" role="group" aria-label={`Download ${label}`}>
        <button type="button" onClick={() => saveBlob(new Blob([toCsv(rows)], { type: "text/csv" }), `${name}.csv`)}>Download CSV</button>
        <button type="button" onClick={() => saveBlob(new Blob([svgText()], { type: "image/svg+xml" }), `${name}.svg`)}>SVG</button>
        <button type="button" onClick={png}>PNG</button>
      </div>
    </div>
  );
}
