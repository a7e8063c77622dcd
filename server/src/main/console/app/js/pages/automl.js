// AutoML. Its API (/v1/datasets, experiments) is being built; until this server has it, the page says so instead
// of showing anything made up.
import { html, ProblemBox, NotAvailable, useGet } from '../ui.js';
import { t } from '../i18n.js';

export function AutoMl() {
  const datasets = useGet('/v1/datasets');
  if (datasets.problem?.status === 404) return html`<${NotAvailable} title=${t('nav.automl')} what=${t('nav.automl')} />`;
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.automl')}</h1>
    <${ProblemBox} problem=${datasets.problem} />
    ${datasets.data && html`<p role="status">${t('automl.pending')}</p>`}
  </section>`;
}
