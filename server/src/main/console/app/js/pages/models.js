// The model catalog: every pack with its version, task, licence, source (provenance) and whether it is installed;
// a missing one shows the command that installs it.
import { useState } from 'preact/hooks';
import { html, ProblemBox, Code, useGet } from '../ui.js';
import { t } from '../i18n.js';

const size = (bytes) => (bytes ? (bytes / 1048576).toFixed(1) + ' MB' : '—');

export function Models() {
  const list = useGet('/v1/models');
  const [task, setTask] = useState('');
  const models = list.data?.models || [];
  const tasks = [...new Set(models.map((m) => m.task))].sort();
  const shown = models.filter((m) => !task || m.task === task);
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.models')}</h1>
    <p class="intro">${t('models.intro')}</p>
    <div class="toolbar">
      <label for="models-task">${t('models.task')}</label>
      <select id="models-task" value=${task} onChange=${(e) => setTask(e.target.value)}>
        <option value="">${t('models.allTasks')}</option>
        ${tasks.map((x) => html`<option key=${x} value=${x}>${x}</option>`)}
      </select>
      <span class="muted">${t('models.count', { n: models.filter((m) => m.installed).length, total: models.length })}</span>
    </div>
    <${ProblemBox} problem=${list.problem} />
    ${list.data && html`<table id="models-table">
      <thead><tr><th scope="col">${t('models.model')}</th><th scope="col">${t('models.task')}</th><th scope="col">${t('models.licence')}</th>
        <th scope="col">${t('models.source')}</th><th scope="col">${t('models.state')}</th></tr></thead>
      <tbody>${shown.map((m) => html`<tr key=${m.id + '@' + m.version} data-installed=${m.installed}>
        <td><strong>${m.id}</strong> <code>${m.version}</code>${m.isDefault && html` <span class="badge">${t('models.default')}</span>`}
          ${m.description && html`<div class="muted">${m.description}</div>`}</td>
        <td>${m.task}</td>
        <td>${m.licenceUrl ? html`<a href=${m.licenceUrl} rel="noreferrer noopener" target="_blank">${m.licence}</a>` : m.licence}</td>
        <td><code class="wrap">${m.source}</code></td>
        <td>${m.installed ? html`<span class="badge ok">${t('models.installed')}</span> ${size(m.sizeBytes)}`
          : html`<span class="badge bad">${t('models.notInstalled')}</span>${m.installCommand && html`<${Code} text=${m.installCommand} label=${t('problem.install')} />`}`}</td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
