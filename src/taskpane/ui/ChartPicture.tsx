/**
 * A chart template drawn as the chart Excel will insert: the layout of plans/chart-picture.ts as
 * SVG, as wide as the pane. Loaded on demand (React.lazy in BlockPreview), so the pane's first
 * render does not wait for it.
 */
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../../i18n/lang";
import type { Block } from "../../sheets/block";
import { chartData, layoutChart, type Shape } from "../plans/chart-picture";

/** Width drawn before the container is measured (and where nothing can be measured, as in jsdom). */
const FALLBACK_WIDTH = 300;

export interface ChartPictureProps {
  block: Block;
  /** The template's static block: the figures a live block's formulas return. */
  values: Block;
  lang: Lang;
  /** What the picture shows, for screen readers. */
  label: string;
}

function ShapeView({ shape: s }: { shape: Shape }): JSX.Element {
  switch (s.kind) {
    case "rect":
      return (
        <rect
          x={s.x}
          y={s.y}
          width={Math.max(0, s.w)}
          height={Math.max(0, s.h)}
          fill={s.fill}
          data-series={s.series}
        >
          {s.tip ? <title>{s.tip}</title> : null}
        </rect>
      );
    case "path":
      return (
        <path d={s.d} fill={s.fill} stroke="#FFFFFF" strokeWidth={1}>
          {s.tip ? <title>{s.tip}</title> : null}
        </path>
      );
    case "line":
      return <line x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} stroke={s.stroke} strokeWidth={1} />;
    case "text":
      return (
        <text
          x={s.x}
          y={s.y}
          fontSize={s.size}
          textAnchor={s.anchor}
          fontWeight={s.bold ? 600 : 400}
          fill={s.fill}
          data-role={s.role}
          {...(s.halo ? { stroke: "#FFFFFF", strokeWidth: 3, paintOrder: "stroke" } : {})}
          transform={s.rotate ? `rotate(${s.rotate} ${s.x} ${s.y})` : undefined}
        >
          {s.text}
          {s.tip ? <title>{s.tip}</title> : null}
        </text>
      );
  }
}

export default function ChartPicture({ block, values, lang, label }: ChartPictureProps): JSX.Element | null {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = (): void => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const data = useMemo(() => chartData(block, values), [block, values]);
  const scene = useMemo(() => (data ? layoutChart(data, width, lang) : undefined), [data, width, lang]);
  return (
    <div ref={frame} data-testid="chart-picture">
      {scene ? (
        <svg
          width={scene.width}
          height={scene.height}
          viewBox={`0 0 ${scene.width} ${scene.height}`}
          role="img"
          aria-label={label}
          style={{ display: "block", fontFamily: "inherit", maxWidth: "100%" }}
        >
          {scene.shapes.map((s, i) => (
            <ShapeView key={i} shape={s} />
          ))}
        </svg>
      ) : null}
    </div>
  );
}
