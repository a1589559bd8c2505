// History chart: fee, reimbursement and personal share of one service across
// the bundled years, as an inline SVG. Years without data are gaps, never
// interpolated lines. A table with the same numbers follows for screen readers
// and for reading exact values.

import { el, svg } from './dom.js';
import { formatAmount, formatNumber, isAmount } from './format.js';

const SERIES = [
  { key: 'fee', cls: 'series-fee' },
  { key: 'reimbursement', cls: 'series-reimbursement' },
  { key: 'share', cls: 'series-share' },
];

// renderHistory(points, {lang, caption, labels}) → <figure>.
// points: [{year, fee, reimbursement, share, indexation}] with strings or null.
export function renderHistory(points, { lang, caption, labels }) {
  const W = 640, H = 260, left = 52, right = 12, top = 14, bottom = 30;
  const years = points.map((p) => p.year);
  const minY = Math.min(...years), maxY = Math.max(...years);
  const values = points.flatMap((p) => SERIES.map((s) => p[s.key])).filter(isAmount).map(Number);
  const [maxV, ticks] = niceCeil(Math.max(1, ...values));
  const x = (y) => left + (maxY === minY ? 0.5 : (y - minY) / (maxY - minY)) * (W - left - right);
  const yv = (v) => top + (1 - v / maxV) * (H - top - bottom);

  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'history-chart', role: 'img', 'aria-labelledby': 'history-caption' });
  // Grid and axes.
  for (let i = 0; i <= ticks; i++) {
    const v = (maxV / ticks) * i;
    chart.append(
      svg('line', { x1: left, x2: W - right, y1: yv(v), y2: yv(v), class: 'grid' }),
      svg('text', { x: left - 6, y: yv(v) + 4, class: 'tick', 'text-anchor': 'end' }, formatNumber(Number.isInteger(v) ? String(v) : v.toFixed(1), lang)),
    );
  }
  // Year labels never overlap (issue 11.8): a label every `step` years, at least
  // MIN_GAP viewBox units apart (a four-digit year is about 30 wide), and the last
  // year only where it has room.
  const MIN_GAP = 44;
  const perYear = maxY === minY ? Infinity : (W - left - right) / (maxY - minY);
  const step = Math.max(1, Math.ceil(MIN_GAP / perYear));
  let lastX = -Infinity;
  for (const y of years) {
    const atStep = (y - minY) % step === 0;
    if ((atStep || y === maxY) && x(y) - lastX >= MIN_GAP) {
      chart.append(svg('text', { x: x(y), y: H - 8, class: 'tick', 'text-anchor': 'middle', 'data-field': 'history-axis-year' }, String(y)));
      lastX = x(y);
    }
  }
  // Series: one path segment per run of consecutive years with data.
  for (const s of SERIES) {
    let d = '';
    let prevYear = null;
    for (const p of points) {
      if (!isAmount(p[s.key])) {
        prevYear = null;
        continue;
      }
      const cmd = prevYear !== null && p.year === prevYear + 1 ? 'L' : 'M';
      d += `${cmd}${x(p.year).toFixed(1)},${yv(Number(p[s.key])).toFixed(1)} `;
      prevYear = p.year;
    }
    if (d) chart.append(svg('path', { d: d.trim(), class: `line ${s.cls}` }));
    for (const p of points) {
      if (!isAmount(p[s.key])) continue;
      chart.append(svg('circle', { cx: x(p.year), cy: yv(Number(p[s.key])), r: 3.5, class: `dot ${s.cls}` },
        svg('title', {}, `${p.year} — ${labels[s.key]}: ${formatAmount(p[s.key], lang)}`)));
    }
  }

  const legend = el('ul', { class: 'legend' }, SERIES.map((s) => el('li', { class: s.cls }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), labels[s.key])));
  const cell = (v, kind) => (isAmount(v) ? (kind === 'pct' ? `${formatNumber(v, lang)} %` : formatAmount(v, lang)) : '—');
  const table = el('table', { class: 'history-table' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: labels.year }),
      SERIES.map((s) => el('th', { scope: 'col', text: labels[s.key] })),
      el('th', { scope: 'col', text: labels.indexation }))),
    el('tbody', {}, points.map((p) => el('tr', { dataset: { year: p.year } },
      el('th', { scope: 'row', text: String(p.year) }),
      SERIES.map((s) => el('td', { class: 'amount', dataset: { field: `history-${s.key}`, value: isAmount(p[s.key]) ? p[s.key] : null } }, cell(p[s.key]))),
      el('td', { class: 'amount' }, cell(p.indexation, 'pct'))))),
  );
  return el('figure', { class: 'history' },
    chart,
    el('figcaption', { id: 'history-caption', text: caption }),
    legend,
    el('details', {}, el('summary', { text: labels.year + ' · ' + labels.fee }), el('div', { class: 'table-wrap' }, table)),
  );
}

// niceCeil returns a round axis maximum ≥ v and a tick count that divides it evenly.
function niceCeil(v) {
  const pow = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= v) return [m * pow, m === 2 ? 4 : 5];
  return [10 * pow, 5];
}
