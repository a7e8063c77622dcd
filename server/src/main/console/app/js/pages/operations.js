// Operations: the project's long-running work, refreshed while any is still going, with cancel.
import { useEffect, useState } from 'preact/hooks';
import { html, ProblemBox, useGet } from '../ui.js';
import { t, formatTime } from '../i18n.js';
import { call, ApiProblem } from '../api.js';

const FINISHED = ['succeeded', 'failed', 'canceled'];

export const StatusBadge = ({ status }) => html`<span class=${'badge status-' + status}>${t('status.' + status)}</span>`;

export function Operations() {
  const [status, setStatus] = useState('');
  const list = useGet('/v1/operations?limit=100' + (status ? '&status=' + status : ''));
  const [problem, setProblem] = useState(null);
  const operations = list.data?.operations || [];
  const active = operations.some((o) => !FINISHED.includes(o.status));
  useEffect(() => {
    if (!active) return undefined;
    const timer = setTimeout(list.reload, 2000);
    return () => clearTimeout(timer);
  }, [list.data]);
  const cancel = async (id) => {
    setProblem(null);
    try {
      await call('DELETE', '/v1/operations/' + id);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.problem);
    }
    list.reload();
  };
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.operations')}</h1>
    <div class="toolbar">
      <label for="operations-status">${t('operations.filter')}</label>
      <select id="operations-status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="">${t('operations.all')}</option>
        ${['queued', 'running', ...FINISHED].map((s) => html`<option value=${s} key=${s}>${t('status.' + s)}</option>`)}
      </select>
      <button type="button" onClick=${list.reload}>${t('refresh')}</button>
    </div>
    <${ProblemBox} problem=${list.problem || problem} />
    ${list.data && (operations.length === 0 ? html`<p>${t('operations.none')}</p>` : html`<table id="operations-table">
      <thead><tr><th scope="col">${t('operations.id')}</th><th scope="col">${t('operations.kind')}</th>
        <th scope="col">${t('operations.status')}</th><th scope="col">${t('operations.progress')}</th>
        <th scope="col">${t('operations.created')}</th><th scope="col"><span class="sr-only">${t('actions')}</span></th></tr></thead>
      <tbody>${operations.map((o) => html`<tr key=${o.id}>
        <td><code>${o.id}</code></td><td>${o.kind}</td>
        <td><${StatusBadge} status=${o.status} />${o.error && html`<div class="muted">${o.error.code}: ${o.error.message}</div>`}</td>
        <td><progress max="1" value=${o.progress} aria-label=${t('operations.progress')}></progress> ${Math.round(o.progress * 100)}%</td>
        <td>${formatTime(o.createdAt)}</td>
        <td>${!FINISHED.includes(o.status) && html`<button type="button" onClick=${() => cancel(o.id)}>${t('operations.cancel')}</button>`}</td>
      </tr>`)}</tbody></table>`)}
  </section>`;
}
