// Chatbots: list bots, import a definition (JSON or YAML), train it (an operation, polled), and talk to it in a
// test chat with the NLU's parse of each message beside the dialog. Written against the planned /v1/bots API; on a
// server without it (404) the page says the service is not available.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, ProblemBox, Field, NotAvailable, useGet, useCall, percent } from '../ui.js';
import { t } from '../i18n.js';
import { call } from '../api.js';
import { StatusBadge } from './operations.js';

const FINISHED = ['succeeded', 'failed', 'canceled'];
const botsOf = (data) => (Array.isArray(data) ? data : data?.bots || []);

function ImportBot({ onImported }) {
  const [text, setText] = useState('');
  const c = useCall();
  const readFile = async (file) => file && setText(await file.text());
  const submit = async (e) => {
    e.preventDefault();
    // a definition that starts like JSON goes as JSON; anything else as YAML
    const json = text.trim().startsWith('{');
    const r = await c.run(() => call('POST', '/v1/bots', { body: text, contentType: json ? 'application/json' : 'application/yaml' }));
    if (r) {
      setText('');
      onImported(r.json.id);
    }
  };
  return html`<form onSubmit=${submit} id="bot-import-form">
    <h2>${t('bots.import')}</h2>
    <${Field} id="bot-file" label=${t('bots.file')}>
      <input id="bot-file" type="file" accept=".json,.yaml,.yml,application/json,application/yaml" onChange=${(e) => readFile(e.target.files[0])} />
    <//>
    <${Field} id="bot-definition" label=${t('bots.definition')}>
      <textarea id="bot-definition" rows="8" spellcheck="false" value=${text} onInput=${(e) => setText(e.target.value)}></textarea>
    <//>
    <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('bots.importRun')}</button>
    <${ProblemBox} problem=${c.problem} />
  </form>`;
}

/** Starts training and follows its operation until it ends. */
function Train({ botId }) {
  const [operation, setOperation] = useState(null);
  const c = useCall();
  const start = async () => {
    const r = await c.run(() => call('POST', `/v1/bots/${botId}:train`));
    if (r) setOperation(r.json?.id ? r.json : { id: r.headers.get('Operation-Location').split('/').pop(), status: 'queued', progress: 0 });
  };
  useEffect(() => {
    if (!operation || FINISHED.includes(operation.status)) return undefined;
    const timer = setTimeout(async () => {
      const r = await c.run(() => call('GET', '/v1/operations/' + operation.id));
      if (r) setOperation(r.json);
    }, 1000);
    return () => clearTimeout(timer);
  }, [operation]);
  return html`<div class="train">
    <button type="button" onClick=${start} disabled=${c.busy || (operation && !FINISHED.includes(operation.status))}>${t('bots.train')}</button>
    ${operation && html`<span id="train-status"> <${StatusBadge} status=${operation.status} />
      <progress max="1" value=${operation.progress} aria-label=${t('operations.progress')}></progress></span>
      ${operation.error && html`<p class="muted">${operation.error.code}: ${operation.error.message}</p>`}`}
    <${ProblemBox} problem=${c.problem} />
  </div>`;
}

function ParseView({ parse }) {
  if (!parse) return html`<p class="muted">${t('bots.parseEmpty')}</p>`;
  return html`<div id="parse-result">
    ${parse.outOfScope && html`<p><span class="badge bad">${t('bots.outOfScope')}</span></p>`}
    <h3>${t('bots.intents')}</h3>
    <ul class="plain">${parse.intents.map((i) => html`<li key=${i.name}><code>${i.name}</code> ${percent(i.confidence)}</li>`)}</ul>
    <h3>${t('bots.entities')}</h3>
    ${parse.entities.length === 0 ? html`<p class="muted">—</p>` : html`<table><thead><tr><th scope="col">${t('bots.type')}</th>
      <th scope="col">${t('bots.text')}</th><th scope="col">${t('bots.value')}</th></tr></thead>
      <tbody>${parse.entities.map((e, i) => html`<tr key=${i}><td>${e.type}</td><td>${e.text}</td><td>${JSON.stringify(e.value)}</td></tr>`)}</tbody></table>`}
  </div>`;
}

function Chat({ botId }) {
  const sessionId = useRef('console-' + Math.random().toString(36).slice(2, 10));
  const [messages, setMessages] = useState([]);
  const [text, setText] = useState('');
  const [parse, setParse] = useState(null);
  const [turn, setTurn] = useState(null);
  const c = useCall();
  const send = async (message) => {
    if (!message.trim()) return;
    setMessages((m) => [...m, { from: 'user', text: message }]);
    setText('');
    const parsed = await c.run(() => call('POST', `/v1/bots/${botId}:parse`, { body: { text: message } }));
    if (parsed) setParse(parsed.json);
    const r = await c.run(() => call('POST', `/v1/bots/${botId}/sessions/${sessionId.current}:message`, { body: { text: message } }));
    if (r) {
      setTurn(r.json);
      setMessages((m) => [...m, { from: 'bot', text: r.json.reply?.text || '', quickReplies: r.json.reply?.quickReplies || [] }]);
    }
  };
  const last = messages[messages.length - 1];
  return html`<div class="chat-grid">
    <div class="chat" aria-labelledby="chat-title">
      <h2 id="chat-title">${t('bots.chat')}</h2>
      <ol class="messages" aria-live="polite" id="chat-messages">${messages.map((m, i) => html`<li key=${i} class=${'msg ' + m.from}>${m.text}</li>`)}</ol>
      ${last?.quickReplies?.length > 0 && html`<div class="quick">${last.quickReplies.map((q) => html`<button type="button" key=${q} onClick=${() => send(q)}>${q}</button>`)}</div>`}
      <form onSubmit=${(e) => { e.preventDefault(); send(text); }} class="inline" id="chat-form">
        <label for="chat-text" class="sr-only">${t('bots.message')}</label>
        <input id="chat-text" value=${text} placeholder=${t('bots.message')} onInput=${(e) => setText(e.target.value)} />
        <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('bots.send')}</button>
      </form>
      <${ProblemBox} problem=${c.problem} />
    </div>
    <div class="panel" aria-labelledby="parse-title">
      <h2 id="parse-title">${t('bots.parse')}</h2>
      <${ParseView} parse=${parse} />
      ${turn && html`<h3>${t('bots.state')}</h3><pre class="json">${JSON.stringify({ intent: turn.intent, slots: turn.slots, status: turn.status }, null, 2)}</pre>`}
    </div>
  </div>`;
}

export function Chatbots() {
  const list = useGet('/v1/bots');
  const [selected, setSelected] = useState(null);
  if (list.problem?.status === 404) return html`<${NotAvailable} title=${t('nav.chatbots')} what=${t('nav.chatbots')} />`;
  const bots = botsOf(list.data);
  const bot = bots.find((b) => b.id === selected);
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.chatbots')}</h1>
    <${ProblemBox} problem=${list.problem} />
    <div class="cards">
      <article class="card">
        <h2>${t('bots.list')}</h2>
        ${list.data && bots.length === 0 && html`<p>${t('bots.none')}</p>`}
        <ul class="plain select-list">${bots.map((b) => html`<li key=${b.id}><button type="button" aria-pressed=${b.id === selected}
          class=${b.id === selected ? 'selected' : ''} onClick=${() => setSelected(b.id)}>${b.name} <span class="muted">${b.language || b.locale} · ${b.id}</span></button></li>`)}</ul>
        <${ImportBot} onImported=${(id) => { list.reload(); setSelected(id); }} />
      </article>
      ${bot && html`<article class="card wide" key=${bot.id}>
        <h2>${bot.name}</h2>
        <${Train} botId=${bot.id} />
        <${Chat} botId=${bot.id} />
      </article>`}
    </div>
  </section>`;
}
