// Keys and quotas. An admin manages every project: create projects, create keys with scopes, a rate limit and
// monthly quotas (the secret is shown once), revoke keys, and see usage by key. A project key sees its own project.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, ProblemBox, Field, Code, useGet, useCall } from '../ui.js';
import { t, formatNumber, formatTime, unitName } from '../i18n.js';
import { call } from '../api.js';
import { session } from '../session.js';

const SERVICES = ['language', 'vision', 'ocr', 'speech-to-text', 'text-to-speech'];
const SCOPES = [...SERVICES, 'admin'];

function Projects({ selected, onSelect }) {
  const list = useGet('/v1/projects');
  const [name, setName] = useState('');
  const c = useCall();
  const create = async (e) => {
    e.preventDefault();
    const r = await c.run(() => call('POST', '/v1/projects', { body: { name: name.trim() } }));
    if (r) {
      setName('');
      list.reload();
      onSelect(r.json.id);
    }
  };
  return html`<article class="card" aria-labelledby="projects-title">
    <h2 id="projects-title">${t('keys.projects')}</h2>
    <${ProblemBox} problem=${list.problem} />
    <ul class="plain select-list">${(list.data?.projects || []).map((p) => html`<li key=${p.id}>
      <button type="button" class=${p.id === selected ? 'selected' : ''} aria-pressed=${p.id === selected}
        onClick=${() => onSelect(p.id)}>${p.name} <span class="muted">${p.id}</span></button></li>`)}</ul>
    <form onSubmit=${create} id="project-form" class="inline">
      <${Field} id="project-name" label=${t('keys.newProject')}>
        <input id="project-name" required maxlength="200" value=${name} onInput=${(e) => setName(e.target.value)} />
      <//>
      <button type="submit" disabled=${!name.trim() || c.busy}>${t('keys.createProject')}</button>
    </form>
    <${ProblemBox} problem=${c.problem} />
  </article>`;
}

const emptyKey = () => ({ name: '', scopes: [], rps: '', burst: '', quotas: {}, expiresAt: '' });

function keyRequest(form) {
  const body = { name: form.name.trim(), scopes: form.scopes };
  if (form.rps) body.rateLimit = { requestsPerSecond: Number(form.rps), ...(form.burst ? { burst: Number(form.burst) } : {}) };
  const quotas = Object.fromEntries(Object.entries(form.quotas).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]));
  if (Object.keys(quotas).length) body.quotas = quotas;
  if (form.expiresAt) body.expiresAt = new Date(form.expiresAt + 'T00:00:00Z').toISOString();
  return body;
}

function CreateKey({ projectId, onCreated }) {
  const [form, setForm] = useState(emptyKey());
  const c = useCall();
  const set = (field, value) => setForm({ ...form, [field]: value });
  const toggleScope = (s, on) => set('scopes', on ? [...form.scopes, s] : form.scopes.filter((x) => x !== s));
  const submit = async (e) => {
    e.preventDefault();
    const r = await c.run(() => call('POST', `/v1/projects/${projectId}/keys`, { body: keyRequest(form) }));
    if (r) {
      setForm(emptyKey());
      onCreated(r.json);
    }
  };
  return html`<form onSubmit=${submit} id="key-form">
    <h3>${t('keys.newKey')}</h3>
    <div class="row">
      <${Field} id="key-name" label=${t('keys.name')}>
        <input id="key-name" required maxlength="200" value=${form.name} onInput=${(e) => set('name', e.target.value)} />
      <//>
      <${Field} id="key-expires" label=${t('keys.expires')}>
        <input id="key-expires" type="date" value=${form.expiresAt} onInput=${(e) => set('expiresAt', e.target.value)} />
      <//>
    </div>
    <fieldset><legend>${t('keys.scopes')}</legend>
      ${SCOPES.map((s) => html`<label class="check" key=${s}><input type="checkbox" name="scope" value=${s}
        checked=${form.scopes.includes(s)} onChange=${(e) => toggleScope(s, e.target.checked)} /> ${s}</label>`)}
    </fieldset>
    <fieldset><legend>${t('keys.rateLimit')}</legend>
      <div class="row">
        <${Field} id="key-rps" label=${t('keys.rps')}><input id="key-rps" type="number" min="0.01" step="any" value=${form.rps} onInput=${(e) => set('rps', e.target.value)} /><//>
        <${Field} id="key-burst" label=${t('keys.burst')}><input id="key-burst" type="number" min="1" step="1" value=${form.burst} onInput=${(e) => set('burst', e.target.value)} /><//>
      </div>
    </fieldset>
    <fieldset><legend>${t('keys.quotas')}</legend>
      <div class="row">${SERVICES.map((s) => html`<${Field} key=${s} id=${'quota-' + s} label=${s + ' (' + t('unit.' + s) + ')'}>
        <input id=${'quota-' + s} type="number" min="0" step="1" value=${form.quotas[s] ?? ''}
          onInput=${(e) => set('quotas', { ...form.quotas, [s]: e.target.value })} /><//>`)}</div>
    </fieldset>
    <button type="submit" class="primary" disabled=${!form.name.trim() || form.scopes.length === 0 || c.busy}>${t('keys.create')}</button>
    <${ProblemBox} problem=${c.problem} />
  </form>`;
}

function KeyTable({ keys, admin, onRevoke }) {
  if (keys.length === 0) return html`<p>${t('keys.none')}</p>`;
  return html`<table id="keys-table">
    <thead><tr><th scope="col">${t('keys.name')}</th><th scope="col">${t('keys.prefix')}</th><th scope="col">${t('keys.scopes')}</th>
      <th scope="col">${t('keys.rateLimit')}</th><th scope="col">${t('keys.quotas')}</th><th scope="col">${t('keys.state')}</th>
      <th scope="col"><span class="sr-only">${t('actions')}</span></th></tr></thead>
    <tbody>${keys.map((k) => html`<tr key=${k.id} data-key-id=${k.id}>
      <td>${k.name}<div class="muted">${formatTime(k.createdAt)}</div></td>
      <td><code>${k.prefix}…</code></td>
      <td>${k.scopes.join(', ')}</td>
      <td>${k.rateLimit ? t('keys.rateValue', { rps: k.rateLimit.requestsPerSecond, burst: k.rateLimit.burst }) : '—'}</td>
      <td>${Object.entries(k.quotas || {}).map(([s, n]) => html`<div key=${s}>${s}: ${formatNumber(n)}</div>`)}</td>
      <td>${k.revokedAt ? html`<span class="badge bad">${t('keys.revoked')}</span>`
        : k.expiresAt ? t('keys.expiresAt', { at: formatTime(k.expiresAt) }) : html`<span class="badge ok">${t('keys.active')}</span>`}</td>
      <td>${admin && !k.revokedAt && html`<button type="button" class="danger" onClick=${() => onRevoke(k)}
        aria-label=${t('keys.revoke') + ' ' + k.name}>${t('keys.revoke')}</button>`}</td>
    </tr>`)}</tbody>
  </table>`;
}

/** This month's use per key and service, beside the key's quota for that service where it has one. */
function UsageByKey({ projectId, keys }) {
  const usage = useGet('/v1/usage?groupBy=key&projectId=' + encodeURIComponent(projectId));
  const byId = Object.fromEntries(keys.map((k) => [k.id, k]));
  const rows = usage.data?.rows || [];
  return html`<h3>${t('keys.usage')}</h3>
    <${ProblemBox} problem=${usage.problem} />
    ${usage.data && (rows.length === 0 ? html`<p>${t('overview.noUsage')}</p>` : html`<table id="usage-by-key">
      <thead><tr><th scope="col">${t('keys.name')}</th><th scope="col">${t('overview.service')}</th><th scope="col">${t('overview.units')}</th>
        <th scope="col">${t('keys.quota')}</th><th scope="col">${t('overview.requests')}</th><th scope="col">${t('overview.errors')}</th></tr></thead>
      <tbody>${rows.map((r, i) => {
        const quota = byId[r.key]?.quotas?.[r.service];
        return html`<tr key=${i}><td>${byId[r.key]?.name || r.key}</td><td>${r.service}</td>
          <td>${formatNumber(r.units)} ${unitName(r.unit)}</td>
          <td>${quota === undefined ? '—' : html`<meter min="0" max=${quota} value=${r.units} aria-label=${t('keys.quota')}></meter> ${formatNumber(quota)}`}</td>
          <td>${formatNumber(r.requests)}</td><td>${formatNumber(r.errors)}</td></tr>`;
      })}</tbody>
    </table>`)}`;
}

/** The secret of the key just created, shown once where the eye is, and focused so it is read out. */
function NewSecret({ created }) {
  const box = useRef(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.focus();
  }, [created]);
  return html`<div class="secret" role="status" id="new-key-secret" tabindex="-1" ref=${box}>
    <strong>${t('keys.secretOnce', { name: created.name })}</strong>
    <${Code} text=${created.secret} label=${t('keys.secret')} />
  </div>`;
}

function ProjectKeys({ projectId, admin }) {
  const project = useGet(`/v1/projects/${projectId}`);
  const list = useGet(`/v1/projects/${projectId}/keys`);
  const [created, setCreated] = useState(null);
  const revoke = useCall();
  const onRevoke = async (k) => {
    if (!confirm(t('keys.revokeConfirm', { name: k.name }))) return;
    await revoke.run(() => call('DELETE', '/v1/keys/' + k.id));
    list.reload();
  };
  const onCreated = (key) => {
    setCreated(key);
    list.reload();
  };
  const keys = list.data?.keys || [];
  return html`<article class="card" aria-labelledby="keys-title">
    <h2 id="keys-title">${t('keys.keysOf', { name: project.data?.name || projectId })} <span class="muted">${projectId}</span></h2>
    ${created && html`<${NewSecret} created=${created} />`}
    <${ProblemBox} problem=${list.problem || revoke.problem} />
    ${list.data && html`<${KeyTable} keys=${keys} admin=${admin} onRevoke=${onRevoke} />`}
    ${admin && html`<${CreateKey} projectId=${projectId} onCreated=${onCreated} />`}
    <${UsageByKey} key=${projectId + keys.length} projectId=${projectId} keys=${keys} />
  </article>`;
}

export function Keys() {
  const s = session.value;
  const [selected, setSelected] = useState(s.projectId);
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.keys')}</h1>
    <p class="intro">${s.admin ? t('keys.introAdmin') : t('keys.introProject')}</p>
    <div class=${s.admin ? 'split' : ''}>
      ${s.admin && html`<${Projects} selected=${selected} onSelect=${setSelected} />`}
      ${selected ? html`<${ProjectKeys} key=${selected} projectId=${selected} admin=${s.admin} />` : html`<p>${t('keys.pick')}</p>`}
    </div>
  </section>`;
}
