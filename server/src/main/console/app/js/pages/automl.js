// AutoML, step by step as the API works: upload a CSV (its inferred schema and first rows), start an experiment
// (target, budget, optional task, metric and folds), follow it (models trained, best score, share of the budget;
// cancel), read the leaderboard and the leader's feature importance, and predict one row with the saved leader
// from a form built from its model card's schema. Each step shows its calls as curl and JSON. On a server without
// the AutoML API (404) the page says so instead of showing anything made up.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, ProblemBox, Field, NotAvailable, useGet, useCall, percent } from '../ui.js';
import { t, formatNumber } from '../i18n.js';
import { call } from '../api.js';
import { StatusBadge } from './operations.js';
import { CallView, Meter } from './build-ui.js';

const FINISHED = ['succeeded', 'failed', 'canceled'];
/** Columns a model can learn to predict: the server refuses id, text, datetime and constant targets (422). */
const TARGET_TYPES = ['numeric', 'categorical', 'boolean'];
const TASKS = ['binary', 'multiclass', 'regression'];
const METRICS = { binary: ['auc', 'logloss', 'accuracy'], multiclass: ['logloss', 'accuracy'], regression: ['rmse', 'mae', 'r2'] };
/**
 * Whether the page can show the outcome. A cancel makes the operation "canceled" at once, while the search is still
 * finishing its fold and saving the leader; the result (leaderboard, modelIds) is written a moment later, so the
 * page keeps polling a cancelled experiment until its result is there (for at most a minute).
 */
const settled = (e) => e.status === 'failed' || (FINISHED.includes(e.status) && (e.result || e.status === 'succeeded'));
const SETTLE_POLLS = 60;

/** Metrics where lower is better: the progress line says which way "best" goes. */
const LOWER_IS_BETTER = ['logloss', 'rmse', 'mae'];

const number = (x, digits = 4) => (x == null || Number.isNaN(x) ? '—' : Number(x).toFixed(digits).replace(/\.?0+$/, ''));
const bytes = (n) => (n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(n / 1024)) + ' KB');

// ---------------------------------------------------------------- 1. dataset

function ColumnStats({ column }) {
  const s = column.stats;
  if (s.mean != null) {
    return html`<span>${t('automl.stats.range', { min: number(s.min, 3), max: number(s.max, 3) })} · ${t('automl.stats.mean', { mean: number(s.mean, 3), std: number(s.std, 3) })}</span>`;
  }
  if (s.topValues?.length) {
    return html`<span>${s.topValues.slice(0, 3).map((v) => `${v.value} (${formatNumber(v.count)})`).join(', ')}${s.topValues.length > 3 ? ', …' : ''}</span>`;
  }
  return html`<span class="muted">—</span>`;
}

function Schema({ dataset }) {
  return html`<table id="dataset-schema">
    <caption class="sr-only">${t('automl.schema')}</caption>
    <thead><tr><th scope="col">${t('automl.column')}</th><th scope="col">${t('automl.type')}</th><th scope="col">${t('automl.missing')}</th>
      <th scope="col">${t('automl.distinct')}</th><th scope="col">${t('automl.statistics')}</th></tr></thead>
    <tbody>${dataset.columns.map((c) => html`<tr key=${c.name} data-column=${c.name} data-type=${c.type}>
      <th scope="row"><code>${c.name}</code></th><td><span class=${'label type-' + c.type}>${t('automl.types.' + c.type)}</span></td>
      <td>${formatNumber(c.stats.missing)}</td><td>${formatNumber(c.stats.distinct)}</td><td><${ColumnStats} column=${c} /></td></tr>`)}</tbody>
  </table>`;
}

function Preview({ preview }) {
  const rows = preview.rows.slice(0, 8);
  return html`<table id="dataset-preview">
    <caption class="sr-only">${t('automl.preview')}</caption>
    <thead><tr>${preview.columns.map((c) => html`<th scope="col" key=${c}>${c}</th>`)}</tr></thead>
    <tbody>${rows.map((r, i) => html`<tr key=${i}>${preview.columns.map((c) => html`<td key=${c}>${r[c] ?? html`<span class="muted" role="img" aria-label=${t('automl.missing')} title=${t('automl.missing')}>∅</span>`}</td>`)}</tr>`)}</tbody>
  </table>`;
}

function DatasetStep({ onDataset, dataset, preview }) {
  const [file, setFile] = useState(null);
  const [existing, setExisting] = useState('');
  const list = useGet('/v1/datasets');
  const upload = useCall();
  const load = useCall();
  const show = async (ds) => {
    const p = await load.run(() => call('GET', `/v1/datasets/${ds.id}/preview`));
    onDataset(ds, p?.json || null);
  };
  const submit = async (e) => {
    e.preventDefault();
    const r = await upload.run(() => call('POST', '/v1/datasets?name=' + encodeURIComponent(file.name), { body: file, contentType: 'text/csv' }));
    if (r) {
      list.reload();
      await show(r.json);
    }
  };
  const pick = async (id) => {
    setExisting(id);
    if (!id) return;
    // the list has no columns: read the dataset itself for its schema
    const r = await upload.run(() => call('GET', '/v1/datasets/' + id));
    if (r) await show(r.json);
  };
  const datasets = list.data?.datasets || [];
  return html`<article class="card wide" aria-labelledby="dataset-title" id="automl-dataset">
    <h2 id="dataset-title">${t('automl.step1')}</h2>
    <div class="build-grid">
      <div>
        <form onSubmit=${submit} id="dataset-form">
          <${Field} id="dataset-file" label=${t('automl.file')} hint=${t('automl.fileHint')}>
            <input id="dataset-file" type="file" accept=".csv,text/csv" aria-describedby="dataset-file-hint" onChange=${(e) => setFile(e.target.files[0] || null)} />
          <//>
          <button type="submit" class="primary" disabled=${!file || upload.busy}>${t('automl.upload')}</button>
        </form>
        ${datasets.length > 0 && html`<${Field} id="dataset-existing" label=${t('automl.existing')}>
          <select id="dataset-existing" value=${existing} onChange=${(e) => pick(e.target.value)}>
            <option value="">—</option>
            ${datasets.map((d) => html`<option key=${d.id} value=${d.id}>${d.name} · ${t('automl.rowsCols', { rows: formatNumber(d.rows), cols: d.columnCount })}</option>`)}
          </select>
        <//>`}
        <${ProblemBox} problem=${upload.problem || load.problem || list.problem} />
        ${upload.busy && html`<p class="busy" role="status">${t('running')}</p>`}
      </div>
      <div><${CallView} call=${upload} fileName=${file?.name} open=${false} /></div>
    </div>
    ${dataset && html`<div aria-live="polite">
      <p id="dataset-summary"><strong>${dataset.name}</strong> · <code>${dataset.id}</code> ·
        ${' '}${t('automl.rowsCols', { rows: formatNumber(dataset.rows), cols: dataset.columnCount })} · ${bytes(dataset.bytes)}</p>
      <h3>${t('automl.schema')}</h3>
      <${Schema} dataset=${dataset} />
      ${preview && html`<h3>${t('automl.preview')}</h3><${Preview} preview=${preview} />`}
    </div>`}
  </article>`;
}

// ---------------------------------------------------------------- 2. experiment

function ExperimentForm({ dataset, onStarted, disabled, call: c }) {
  const targets = dataset.columns.filter((c) => TARGET_TYPES.includes(c.type));
  // the last column is the usual place for a label
  const [target, setTarget] = useState(targets.length ? targets[targets.length - 1].name : '');
  const [budget, setBudget] = useState(30);
  const [folds, setFolds] = useState('');
  const [task, setTask] = useState('');
  const [metric, setMetric] = useState('');
  useEffect(() => { if (metric && task && !METRICS[task].includes(metric)) setMetric(''); }, [task]);
  const metrics = task ? METRICS[task] : [...new Set(Object.values(METRICS).flat())];
  const submit = async (e) => {
    e.preventDefault();
    const body = { datasetId: dataset.id, target, timeBudgetSeconds: Number(budget) };
    if (folds) body.folds = Number(folds);
    if (task) body.task = task;
    if (metric) body.metric = metric;
    const r = await c.run(() => call('POST', '/v1/automl/experiments', { body }));
    if (r) onStarted(r.json);
  };
  return html`<form onSubmit=${submit} id="experiment-form">
    <div class="row">
      <${Field} id="exp-target" label=${t('automl.target')}>
        <select id="exp-target" value=${target} onChange=${(e) => setTarget(e.target.value)}>
          ${targets.map((col) => html`<option key=${col.name} value=${col.name}>${col.name} (${t('automl.types.' + col.type)})</option>`)}
        </select>
      <//>
      <${Field} id="exp-budget" label=${t('automl.budget')} hint=${t('automl.budgetHint')}>
        <input id="exp-budget" type="number" min="5" max="86400" step="1" required value=${budget} aria-describedby="exp-budget-hint"
          onInput=${(e) => setBudget(e.target.value)} />
      <//>
      <${Field} id="exp-folds" label=${t('automl.folds')} hint=${t('automl.foldsHint')}>
        <input id="exp-folds" type="number" min="2" max="20" step="1" value=${folds} placeholder="5" aria-describedby="exp-folds-hint"
          onInput=${(e) => setFolds(e.target.value)} />
      <//>
    </div>
    <div class="row">
      <${Field} id="exp-task" label=${t('automl.task')}>
        <select id="exp-task" value=${task} onChange=${(e) => setTask(e.target.value)}>
          <option value="">${t('automl.inferred')}</option>
          ${TASKS.map((x) => html`<option key=${x} value=${x}>${t('automl.tasks.' + x)}</option>`)}
        </select>
      <//>
      <${Field} id="exp-metric" label=${t('automl.metric')}>
        <select id="exp-metric" value=${metric} onChange=${(e) => setMetric(e.target.value)}>
          <option value="">${t('automl.inferred')}</option>
          ${metrics.map((x) => html`<option key=${x} value=${x}>${x}</option>`)}
        </select>
      <//>
    </div>
    <button type="submit" class="primary" disabled=${!target || !budget || c.busy || disabled}>${t('automl.start')}</button>
    <${ProblemBox} problem=${c.problem} />
  </form>`;
}

/** Polls the experiment every second while it runs; cancel asks the search to stop at its next fold. */
function Progress({ experiment, onUpdate }) {
  const poll = useCall();
  const cancel = useCall();
  const afterEnd = useRef(0);
  const running = !FINISHED.includes(experiment.status);
  useEffect(() => {
    if (settled(experiment)) return undefined;
    if (!running && ++afterEnd.current > SETTLE_POLLS) return undefined;
    const timer = setTimeout(async () => {
      const r = await poll.run(() => call('GET', '/v1/automl/experiments/' + experiment.id));
      if (r) onUpdate(r.json);
    }, 1000);
    return () => clearTimeout(timer);
  }, [experiment]);
  const stop = async () => {
    const r = await cancel.run(() => call('POST', `/v1/automl/experiments/${experiment.id}:cancel`));
    if (r) onUpdate(r.json);
  };
  const p = experiment.progress;
  const metric = experiment.result?.metric || experiment.request?.metric;
  return html`<div id="experiment-progress" data-status=${experiment.status} aria-live="polite">
    <p><${StatusBadge} status=${experiment.status} /> <code>${experiment.id}</code>
      ${running && html` <button type="button" class="danger" id="experiment-cancel" onClick=${stop} disabled=${cancel.busy}>${t('automl.cancel')}</button>`}</p>
    <progress max="1" value=${p.fraction} aria-label=${t('automl.budgetUsed')} id="experiment-bar"></progress>
    <span> ${percent(p.fraction)}</span>
    <dl class="facts">
      <div><dt>${t('automl.modelsTrained')}</dt><dd id="models-trained">${formatNumber(p.modelsTrained)}</dd></div>
      <div><dt>${t('automl.bestScore')}${metric ? ' (' + metric + (LOWER_IS_BETTER.includes(metric) ? ' ↓' : ' ↑') + ')' : ''}</dt>
        <dd id="best-score">${number(p.bestScore)}</dd></div>
      ${experiment.result && html`<div><dt>${t('automl.ending')}</dt><dd>${t('automl.endings.' + experiment.result.ending)}</dd></div>
        <div><dt>${t('automl.tried')}</dt><dd>${formatNumber(experiment.result.modelsTried)}${experiment.result.modelsPruned ? ' (' + t('automl.pruned', { n: experiment.result.modelsPruned }) + ')' : ''}</dd></div>`}
    </dl>
    ${experiment.error && html`<${ProblemBox} problem=${{ title: t('problem.operation', { status: t('status.' + experiment.status) }), code: experiment.error.code, detail: experiment.error.message }} />`}
    <${ProblemBox} problem=${poll.problem || cancel.problem} />
    <${CallView} call=${cancel.request ? cancel : poll} open=${false} />
  </div>`;
}

// ---------------------------------------------------------------- 3. leaderboard

/** The best ten at first (a search tries dozens of models); the rest on request. */
const SHOWN = 10;

function Leaderboard({ board }) {
  const [all, setAll] = useState(false);
  const metricNames = [...new Set(board.entries.flatMap((e) => Object.keys(e.metrics)))];
  const entries = all ? board.entries : board.entries.slice(0, SHOWN);
  return html`<table id="leaderboard">
    <caption class="sr-only">${t('automl.leaderboard')}</caption>
    <thead><tr><th scope="col">${t('automl.rank')}</th><th scope="col">${t('automl.model')}</th><th scope="col">${t('automl.family')}</th>
      <th scope="col">${t('automl.score')} (${board.metric})</th>
      ${metricNames.filter((m) => m !== board.metric).map((m) => html`<th scope="col" key=${m}>${m}</th>`)}
      <th scope="col">${t('automl.trainingTime')}</th><th scope="col">${t('automl.predictTime')}</th><th scope="col">${t('automl.size')}</th></tr></thead>
    <tbody>${entries.map((e) => html`<tr key=${e.modelId} data-rank=${e.rank}>
      <td>${e.rank}</td><th scope="row"><code>${e.modelId}</code></th><td>${e.family}</td><td><strong>${number(e.score)}</strong></td>
      ${metricNames.filter((m) => m !== board.metric).map((m) => html`<td key=${m}>${number(e.metrics[m])}</td>`)}
      <td>${number(e.trainingMillis / 1000, 1)} s</td><td>${number(e.predictionMicrosPerRow, 1)} µs</td><td>${bytes(e.sizeBytes)}</td></tr>`)}</tbody>
  </table>
  ${board.entries.length > SHOWN && html`<button type="button" id="leaderboard-all" aria-controls="leaderboard" onClick=${() => setAll(!all)}>
    ${all ? t('automl.showTop', { n: SHOWN }) : t('automl.showAll', { n: board.entries.length })}</button>`}`;
}

/** The leader's feature importance as bars scaled to the largest, each with its number (not colour alone). */
function Importance({ features }) {
  if (!features.length) return html`<p class="muted">${t('automl.noImportance')}</p>`;
  const max = Math.max(...features.map((f) => f.importance));
  return html`<figure class="importance" aria-labelledby="importance-title">
    <figcaption id="importance-title">${t('automl.importance')}</figcaption>
    <ul class="bars" id="feature-importance">${features.map((f) => html`<li key=${f.column} data-column=${f.column}>
      <${Meter} value=${f.importance} max=${max} label=${f.column} text=${number(f.importance, 3)} /></li>`)}</ul>
  </figure>`;
}

function Results({ experiment }) {
  const c = useCall();
  useEffect(() => { c.run(() => call('GET', `/v1/automl/experiments/${experiment.id}/leaderboard`)); }, [experiment.id]);
  const board = c.result?.json;
  return html`<article class="card wide" aria-labelledby="results-title" id="automl-results">
    <h2 id="results-title">${t('automl.step3')}</h2>
    <${ProblemBox} problem=${c.problem} />
    ${board && (board.entries.length === 0 ? html`<p>${t('automl.noModels')}</p>` : html`
      <p class="muted">${t('automl.tasks.' + board.task)} · ${board.metric}</p>
      <${Leaderboard} board=${board} />
      <${Importance} features=${board.featureImportance} />`)}
    <${CallView} call=${c} open=${false} />
  </article>`;
}

// ---------------------------------------------------------------- 4. predict

/** A form with a field per column the saved model reads, typed from its card, prefilled from the first preview row. */
function Predict({ modelId, dataset, preview }) {
  const model = useCall();
  const c = useCall();
  const [values, setValues] = useState({});
  useEffect(() => {
    model.run(() => call('GET', '/v1/automl/models/' + modelId)).then((r) => {
      if (!r) return;
      const first = preview?.rows?.[0] || {};
      setValues(Object.fromEntries(r.json.card.schema.map((s) => [s.name, first[s.name] ?? ''])));
    });
  }, [modelId]);
  const card = model.result?.json?.card;
  const schema = card?.schema || [];
  const typeOf = (s) => String(s.type).toLowerCase();
  const submit = (e) => {
    e.preventDefault();
    const row = {};
    for (const s of schema) {
      const v = values[s.name];
      if (v === '' || v == null) continue; // left out: the server says which column is missing, for this row
      row[s.name] = typeOf(s) === 'numeric' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
    }
    c.run(() => call('POST', `/v1/automl/models/${modelId}:predict`, { body: { rows: [row] } }));
  };
  const prediction = c.result?.json?.predictions?.[0];
  const known = (name) => dataset?.columns?.find((col) => col.name === name)?.stats?.topValues || [];
  return html`<article class="card wide" aria-labelledby="predict-title" id="automl-predict">
    <h2 id="predict-title">${t('automl.step4')}</h2>
    <${ProblemBox} problem=${model.problem} />
    ${card && html`<p class="muted" id="model-card-summary"><code>${modelId}</code> · ${t('automl.entry', { entry: model.result.json.entryId })} · ${card.family} · ${t('automl.tasks.' + String(card.task).toLowerCase())}
      ${' · '}${t('automl.predicts', { target: card.target })}${card.classes?.length ? ' (' + card.classes.join(', ') + ')' : ''}
      ${' · '}${t('automl.trainedOn', { rows: formatNumber(card.trainingRows) })}</p>`}
    <div class="build-grid">
      <form onSubmit=${submit} id="predict-form">
        ${schema.map((s) => {
          const id = 'predict-' + s.name.replace(/[^\w-]/g, '_');
          const options = known(s.name);
          return html`<${Field} key=${s.name} id=${id} label=${s.name + ' (' + t('automl.types.' + typeOf(s)) + ')'}>
            <input id=${id} name=${s.name} value=${values[s.name] ?? ''} inputmode=${typeOf(s) === 'numeric' ? 'decimal' : undefined}
              list=${options.length ? id + '-values' : undefined} onInput=${(e) => setValues((v) => ({ ...v, [s.name]: e.target.value }))} />
            ${options.length > 0 && html`<datalist id=${id + '-values'}>${options.map((o) => html`<option key=${o.value} value=${o.value} />`)}</datalist>`}
          <//>`;
        })}
        <button type="submit" class="primary" disabled=${!schema.length || c.busy}>${t('automl.predict')}</button>
      </form>
      <div aria-live="polite">
        <${ProblemBox} problem=${c.problem} />
        ${prediction && html`<div id="prediction" data-label=${prediction.label ?? ''}>
          ${prediction.error ? html`<div class="problem" role="alert" id="prediction-error"><strong class="problem-title">${t('automl.rowError')}</strong>
              <p class="problem-detail">${prediction.error}</p></div>`
            : prediction.label != null ? html`<p class="summary">${t('automl.label')}: <strong id="prediction-label">${prediction.label}</strong></p>
              <ul class="bars" id="prediction-probabilities">${Object.entries(prediction.probabilities || {}).sort((a, b) => b[1] - a[1])
                .map(([k, p]) => html`<li key=${k}><${Meter} value=${p} label=${k} /></li>`)}</ul>`
            : html`<p class="summary">${t('automl.value')}: <strong id="prediction-value">${number(prediction.value)}</strong></p>`}
        </div>`}
        <${CallView} call=${c} />
      </div>
    </div>
  </article>`;
}

/** The form, then the experiment's progress beside the call that started it. */
function ExperimentStep({ dataset, experiment, setExperiment }) {
  const start = useCall();
  const running = experiment && !FINISHED.includes(experiment.status);
  return html`<article class="card wide" aria-labelledby="experiment-title" id="automl-experiment">
    <h2 id="experiment-title">${t('automl.step2')}</h2>
    <${ExperimentForm} dataset=${dataset} onStarted=${setExperiment} disabled=${running} call=${start} />
    <div class="build-grid">
      <div>${experiment && html`<${Progress} experiment=${experiment} onUpdate=${setExperiment} key=${experiment.id} />`}</div>
      <div><${CallView} call=${start} /></div>
    </div>
  </article>`;
}

// ---------------------------------------------------------------- the page

export function AutoMl() {
  const datasets = useGet('/v1/datasets');
  const [dataset, setDataset] = useState(null);
  const [preview, setPreview] = useState(null);
  const [experiment, setExperiment] = useState(null);
  if (datasets.problem?.status === 404) return html`<${NotAvailable} title=${t('nav.automl')} what=${t('nav.automl')} />`;
  const leader = experiment?.status !== 'failed' && experiment?.modelIds?.[0];
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.automl')}</h1>
    <p class="intro">${t('automl.intro')}</p>
    <div class="cards">
      <${DatasetStep} dataset=${dataset} preview=${preview}
        onDataset=${(ds, p) => { setDataset(ds); setPreview(p); setExperiment(null); }} />
      ${dataset && html`<${ExperimentStep} dataset=${dataset} experiment=${experiment} setExperiment=${setExperiment} key=${dataset.id} />`}
      ${experiment && settled(experiment) && html`<${Results} experiment=${experiment} key=${'r' + experiment.id} />`}
      ${experiment && settled(experiment) && leader && html`<${Predict} modelId=${leader} dataset=${dataset} preview=${preview} key=${'p' + leader} />`}
    </div>
  </section>`;
}
