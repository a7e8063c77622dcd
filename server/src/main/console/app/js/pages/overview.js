// Overview: requests per service per day this month (a stacked bar chart), this month's units, the latest
// operations, installed models and the server's readiness.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, ProblemBox, useGet } from '../ui.js';
import { t, lang, formatNumber, formatTime, unitName } from '../i18n.js';
import { StatusBadge } from './operations.js';

const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

/**
 * Per day this month: the requests of every service stacked, or one service's units (units differ between services,
 * characters against images, so they are never stacked together).
 */
function UsageChart({ rows, metric }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!window.Chart || !canvas.current) return undefined;
    const days = [...new Set(rows.map((r) => r.day))].sort();
    const services = metric === 'requests' ? [...new Set(rows.map((r) => r.service))].sort() : [metric];
    const value = (r) => (metric === 'requests' ? r.requests : r.units);
    const unit = rows.find((r) => r.service === metric)?.unit;
    const chart = new window.Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: days,
        datasets: services.map((s, i) => ({
          label: s, backgroundColor: PALETTE[i % PALETTE.length],
          data: days.map((d) => rows.filter((r) => r.day === d && r.service === s).reduce((n, r) => n + value(r), 0)),
        })),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
            title: { display: true, text: metric === 'requests' ? t('overview.requests') : unitName(unit) } },
        },
      },
    });
    return () => chart.destroy();
  }, [rows, metric, lang.value]);
  return html`<div class="chart"><canvas ref=${canvas} id="usage-chart" role="img" aria-label=${t('overview.chartLabel')}></canvas></div>`;
}

function UsageCard({ byDay, byService }) {
  const [metric, setMetric] = useState('requests');
  const services = [...new Set((byDay.data?.rows || []).map((r) => r.service))].sort();
  return html`<article class="card" aria-labelledby="usage-title">
    <h2 id="usage-title">${t('overview.usage')}</h2>
    <${ProblemBox} problem=${byDay.problem} />
    ${byDay.data && (byDay.data.rows.length === 0 ? html`<p>${t('overview.noUsage')}</p>` : html`
      <div class="toolbar">
        <label for="usage-metric">${t('overview.show')}</label>
        <select id="usage-metric" value=${metric} onChange=${(e) => setMetric(e.target.value)}>
          <option value="requests">${t('overview.requestsAll')}</option>
          ${services.map((s) => html`<option key=${s} value=${s}>${t('overview.unitsOf', { service: s })}</option>`)}
        </select>
      </div>
      <${UsageChart} rows=${byDay.data.rows} metric=${metric} />`)}
    ${byService.data && byService.data.rows.length > 0 && html`<table>
      <thead><tr><th scope="col">${t('overview.service')}</th><th scope="col">${t('overview.units')}</th>
        <th scope="col">${t('overview.requests')}</th><th scope="col">${t('overview.errors')}</th></tr></thead>
      <tbody>${byService.data.rows.map((r) => html`<tr key=${r.service}><td>${r.service}</td>
        <td>${formatNumber(r.units)} ${unitName(r.unit)}</td><td>${formatNumber(r.requests)}</td><td>${formatNumber(r.errors)}</td></tr>`)}</tbody>
    </table>`}
  </article>`;
}

export function Overview() {
  const byDay = useGet('/v1/usage?groupBy=day');
  const byService = useGet('/v1/usage?groupBy=service');
  const operations = useGet('/v1/operations?limit=8');
  const models = useGet('/v1/models');
  const [ready, setReady] = useState(null);
  useEffect(() => {
    fetch('/readyz').then((r) => r.json()).then(setReady).catch(() => setReady({ status: 'unreachable', checks: {} }));
  }, []);
  const all = models.data?.models || [];
  const installed = all.filter((m) => m.installed);
  const missing = all.filter((m) => !m.installed);
  const tasks = new Set(installed.map((m) => m.task));

  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.overview')}</h1>
    <div class="cards">
      <${UsageCard} byDay=${byDay} byService=${byService} />
      <article class="card" aria-labelledby="ops-title">
        <h2 id="ops-title">${t('overview.operations')}</h2>
        <${ProblemBox} problem=${operations.problem} />
        ${operations.data && (operations.data.operations.length === 0 ? html`<p>${t('operations.none')}</p>` : html`<ul class="plain">
          ${operations.data.operations.map((o) => html`<li key=${o.id}><${StatusBadge} status=${o.status} /> ${o.kind}
            <span class="muted">${formatTime(o.createdAt)}</span></li>`)}</ul>`)}
        <p><a href="#/operations">${t('overview.allOperations')}</a></p>
      </article>
      <article class="card" aria-labelledby="health-title">
        <h2 id="health-title">${t('overview.health')}</h2>
        ${ready && html`<p id="health"><span class=${'badge ' + (ready.status === 'ready' ? 'ok' : 'bad')}>${t('health.' + ready.status)}</span></p>
          <ul class="plain">${Object.entries(ready.checks).map(([k, v]) => html`<li key=${k}>${k}: ${v}</li>`)}</ul>`}
        <${ProblemBox} problem=${models.problem} />
        ${models.data && html`<p id="models-summary">${t('overview.models', { n: installed.length, total: all.length })}${' · '}${t('overview.tasks', { n: tasks.size })}</p>
          ${missing.length > 0 && html`<p>${t('overview.missing')}</p>
            <ul class="plain">${missing.map((m) => html`<li key=${m.id + m.version}><code>${m.id}@${m.version}</code> <span class="muted">${m.task}</span></li>`)}</ul>`}
          <p><a href="#/models">${t('overview.allModels')}</a></p>`}
      </article>
    </div>
  </section>`;
}
