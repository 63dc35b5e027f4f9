"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Row = Record<string, string | number>;

/**
 * A chart of a report's rows; a line chart may add a `trend` column as a second, dashed line.
 * Lines are straight between months: a curve would rise before the month that does. It is a picture for sighted readers: the same numbers are in the
 * table beside it, so the chart is hidden from assistive technology (and not focusable).
 */
export function ReportChart({ kind, rows, x, y, trend, color = "#1f6b52" }: { kind: "bar" | "line" | "hbar"; rows: Row[]; x: string; y: string; trend?: string; color?: string }) {
  const height = kind === "hbar" ? Math.max(200, rows.length * 28 + 40) : 260;
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            <XAxis dataKey={x} tick={{ fontSize: 12, fill: "#44403c" }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#44403c" }} width={40} />
            <Tooltip />
            <Line type="linear" dataKey={y} stroke={color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            {trend && <Line type="linear" dataKey={trend} stroke="#b45309" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />}
          </LineChart>
        ) : (
          <BarChart data={rows} layout={kind === "hbar" ? "vertical" : "horizontal"} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            {kind === "hbar" ? (
              <>
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#44403c" }} />
                <YAxis type="category" dataKey={x} width={140} tick={{ fontSize: 12, fill: "#44403c" }} />
              </>
            ) : (
              <>
                <XAxis dataKey={x} tick={{ fontSize: 12, fill: "#44403c" }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#44403c" }} width={40} />
              </>
            )}
            <Tooltip />
            <Bar dataKey={y} fill={color} isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
