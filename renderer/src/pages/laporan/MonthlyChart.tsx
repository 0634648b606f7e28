// Bar chart of NIKs per month, drawn as inline SVG: twelve bars do not need a chart library,
// and SVG prints crisply on the office's A4 reports.
import { countAxis } from '../../../../shared/report/axis.ts';

interface Props {
  values: number[];
  labels: string[];
  title: string;
}

const W = 560;
const H = 220;
const PAD = { top: 16, right: 8, bottom: 24, left: 44 };

export function MonthlyChart({ values, labels, title }: Props) {
  const axis = countAxis(Math.max(...values, 0));
  const max = axis.top;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / values.length;
  const barW = slot * 0.62;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = axis.ticks;
  return (
    <svg className="lap-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
      <title>{title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">
            {v.toLocaleString('id-ID')}
          </text>
        </g>
      ))}
      {values.map((v, i) => {
        const x = PAD.left + i * slot + (slot - barW) / 2;
        return (
          <g key={i}>
            <rect x={x} y={y(v)} width={barW} height={Math.max(0, PAD.top + plotH - y(v))} className="bar" rx={2}>
              <title>{`${labels[i]}: ${v.toLocaleString('id-ID')}`}</title>
            </rect>
            {v > 0 && (
              <text x={x + barW / 2} y={y(v) - 4} textAnchor="middle" className="val">
                {v.toLocaleString('id-ID')}
              </text>
            )}
            <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="tick">
              {labels[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
