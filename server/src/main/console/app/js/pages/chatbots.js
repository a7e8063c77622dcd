// Chatbots: list the project's bots, import a definition (JSON or YAML, pasted, from a file, or one of the two
// example bots), train it (an operation, followed to the end, then its model card), and talk to it in a test chat
// with the NLU's parse of each message beside the dialog. Every call's curl command and JSON are shown, as in the
// playgrounds. On a server without the chatbot API (404) the page says the service is not available.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, ProblemBox, Field, NotAvailable, useGet, useCall, percent } from '../ui.js';
import { t, formatNumber, formatTime } from '../i18n.js';
import { call } from '../api.js';
import { StatusBadge } from './operations.js';
import { CallView, Meter } from './build-ui.js';

const FINISHED = ['succeeded', 'failed', 'canceled'];
const EXAMPLES = [
  { file: 'restaurant-en.json', label: 'bots.exampleEn' },
  { file: 'restaurant-ko.json', label: 'bots.exampleKo' },
];

function ImportBot({ onImported }) {
  const [text, setText] = useState('');
  const [exampleProblem, setExampleProblem] = useState(null);
  const c = useCall();
  const readFile = async (file) => file && setText(await file.text());
  const loadExample = async (file) => {
    // served beside the console by its build (copied from the chatbot module), so no key is involved
    const r = await fetch('/console/examples/' + file);
    if (r.ok) {
      setExampleProblem(null);
      setText(await r.text());
    } else {
      setExampleProblem({ title: t('bots.exampleMissing'), status: r.status, code: 'http_' + r.status });
    }
  };
  const submit = async (e) => {
    e.preventDefault();
    // a definition that starts like JSON goes as JSON; anything else as YAML (the server reads both)
    const json = /^\s*[{[]/.test(text);
    const r = await c.run(() => call('POST', '/v1/bots', { body: text, contentType: json ? 'application/json' : 'application/yaml' }));
    if (r) {
      setText('');
      onImported(r.json.id);
    }
  };
  return html`<form onSubmit=${submit} id="bot-import-form" aria-labelledby="bot-import-title">
    <h2 id="bot-import-title">${t('bots.import')}</h2>
    <div class="toolbar" role="group" aria-label=${t('bots.examples')}>
      <span>${t('bots.examples')}</span>
      ${EXAMPLES.map((x) => html`<button type="button" key=${x.file} data-example=${x.file} onClick=${() => loadExample(x.file)}>${t(x.label)}</button>`)}
    </div>
    <${ProblemBox} problem=${exampleProblem} />
    <${Field} id="bot-file" label=${t('bots.file')}>
      <input id="bot-file" type="file" accept=".json,.yaml,.yml,application/json,application/yaml" onChange=${(e) => readFile(e.target.files[0])} />
    <//>
    <${Field} id="bot-definition" label=${t('bots.definition')}>
      <textarea id="bot-definition" rows="8" spellcheck="false" value=${text} onInput=${(e) => setText(e.target.value)}></textarea>
    <//>
    <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('bots.importRun')}</button>
    <${ProblemBox} problem=${c.problem} />
    <${InvalidBot} problem=${c.problem} />
    <${CallView} call=${c} />
  </form>`;
}

/** A 422 invalid_bot lists every error with its path: shown as a list under the problem. */
function InvalidBot({ problem }) {
  if (!problem?.errors?.length) return null;
  return html`<ul class="plain bot-errors">${problem.errors.map((e, i) => html`<li key=${i}><code>${e.path}</code> ${e.message}</li>`)}</ul>`;
}

/** The model card of a trained version: the numbers that say how well it was trained and what it is. */
function ModelCard({ version }) {
  const card = version.modelCard;
  const rows = [
    ['bots.card.intents', formatNumber(card.intents)],
    ['bots.card.phrases', formatNumber(card.trainingPhrases)],
    ['bots.card.oosExamples', formatNumber(card.outOfScopeExamples)],
    ['bots.card.threshold', card.outOfScopeThreshold.toFixed(3)],
    ['bots.card.inScope', card.heldOutInScopeAccuracy == null ? '—' : percent(card.heldOutInScopeAccuracy) + ' (' + card.heldOutPhrases + ')'],
    ['bots.card.oosRecall', card.heldOutOutOfScopeRecall == null ? '—' : percent(card.heldOutOutOfScopeRecall) + ' (' + card.heldOutOutOfScopeExamples + ')'],
    ['bots.card.seconds', card.trainingSeconds.toFixed(1) + ' s'],
    ['bots.card.size', formatNumber(Math.round(card.modelBytes / 1024)) + ' KB'],
    ['bots.card.embedding', card.embeddingModel],
  ];
  return html`<div id="bot-model-card">
    <h3>${t('bots.card.title', { version: version.version })} ${version.published && html`<span class="badge ok">${t('bots.published')}</span>`}</h3>
    <dl class="facts">${rows.map(([k, v]) => html`<div key=${k}><dt>${t(k)}</dt><dd>${v}</dd></div>`)}</dl>
    <p class="muted">${formatTime(card.trainedAt)}</p>
  </div>`;
}

/** Starts training and follows its operation until it ends; then shows the new version's model card. */
function Train({ bot, onTrained }) {
  const [operation, setOperation] = useState(null);
  const c = useCall();
  const poll = useCall();
  const start = async () => {
    const r = await c.run(() => call('POST', `/v1/bots/${bot.id}:train`, { body: {} }));
    if (r) setOperation(r.json);
  };
  useEffect(() => {
    if (!operation) return undefined;
    if (FINISHED.includes(operation.status)) {
      if (operation.status === 'succeeded') onTrained();
      return undefined;
    }
    const timer = setTimeout(async () => {
      const r = await poll.run(() => call('GET', '/v1/operations/' + operation.id));
      if (r) setOperation(r.json);
    }, 700);
    return () => clearTimeout(timer);
  }, [operation]);
  const running = operation && !FINISHED.includes(operation.status);
  const latest = bot.versions?.length ? bot.versions[bot.versions.length - 1] : null;
  return html`<div class="train" aria-labelledby="train-title">
    <h3 id="train-title" class="sr-only">${t('bots.train')}</h3>
    <p>
      <button type="button" class="primary" id="bot-train" onClick=${start} disabled=${c.busy || running}>${t('bots.train')}</button>
      ${' '}<span class="muted">${bot.draftTrained ? t('bots.draftTrained', { rev: bot.draftRevision }) : t('bots.draftUntrained', { rev: bot.draftRevision })}</span>
    </p>
    ${operation && html`<p id="train-status" role="status" data-status=${operation.status}><${StatusBadge} status=${operation.status} />
      ${' '}<progress max="1" value=${operation.progress ?? 0} aria-label=${t('operations.progress')}></progress>
      ${operation.status === 'succeeded' && operation.result && html` ${t('bots.trainedVersion', { version: operation.result.version })}`}</p>
      ${operation.error && html`<${ProblemBox} problem=${{ title: t('problem.operation', { status: t('status.' + operation.status) }),
        code: operation.error.code, detail: operation.error.message }} />`}`}
    <${ProblemBox} problem=${c.problem || poll.problem} />
    <div class="build-grid">
      <div>${latest && html`<${ModelCard} version=${latest} />`}</div>
      <div><${CallView} call=${poll.result ? poll : c} /></div>
    </div>
  </div>`;
}

/** The message with each entity marked where the parse found it (UTF-16 offsets, as JavaScript strings count). */
function MarkedEntities({ text, entities }) {
  const parts = [];
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue; // overlaps are resolved by the server; never draw one span twice
    parts.push(text.slice(at, e.start));
    parts.push(html`<mark title=${e.type}>${text.slice(e.start, e.end)}<small>${e.type}</small></mark>`);
    at = e.end;
  }
  parts.push(text.slice(at));
  return html`<p class="marked">${parts}</p>`;
}

function ParseView({ parse }) {
  if (!parse) return html`<p class="muted">${t('bots.parseEmpty')}</p>`;
  return html`<div id="parse-result" data-text=${parse.text}>
    <${MarkedEntities} text=${parse.text} entities=${parse.entities} />
    <p>${parse.outOfScope ? html`<span class="badge bad">${t('bots.outOfScope')}</span>`
      : html`<span class="badge ok" id="parse-intent">${parse.intent?.name}</span>`} <span class="muted">v${parse.botVersion}</span></p>
    <h3>${t('bots.intents')}</h3>
    <ul class="bars" id="parse-intents">${parse.intents.map((i) => html`<li key=${i.name}><${Meter} value=${i.confidence} label=${i.name} /></li>`)}</ul>
    <h3>${t('bots.entities')}</h3>
    ${parse.entities.length === 0 ? html`<p class="muted">${t('bots.noEntities')}</p>` : html`<table id="parse-entities"><thead><tr>
      <th scope="col">${t('bots.type')}</th><th scope="col">${t('bots.text')}</th><th scope="col">${t('bots.value')}</th>
      <th scope="col">${t('bots.offsets')}</th><th scope="col">${t('bots.confidence')}</th></tr></thead>
      <tbody>${parse.entities.map((e, i) => html`<tr key=${i}><td><code>${e.type}</code></td><td>${e.text}</td><td>${e.value}</td>
        <td>${e.start}–${e.end}</td><td>${percent(e.confidence)}</td></tr>`)}</tbody></table>`}
  </div>`;
}

/** Where the conversation stands after the last turn: status, intent and the slots filled so far. */
function TurnState({ turn }) {
  if (!turn) return null;
  const slots = Object.entries(turn.slots || {});
  return html`<div id="chat-state">
    <h3>${t('bots.state')}</h3>
    <p><span class=${'badge status-' + turn.status} id="chat-status" data-status=${turn.status}>${t('bots.status.' + turn.status)}</span>
      ${turn.intent && html` <code>${turn.intent}</code>`}
      ${turn.confidence > 0 && html` ${percent(turn.confidence)}`}
      ${turn.newSession && html` <span class="muted">${t('bots.newSession')}</span>`}</p>
    ${slots.length > 0 && html`<table id="chat-slots"><thead><tr><th scope="col">${t('bots.slot')}</th><th scope="col">${t('bots.value')}</th>
      <th scope="col">${t('bots.said')}</th></tr></thead>
      <tbody>${slots.map(([name, s]) => html`<tr key=${name}><td><code>${name}</code></td><td>${s.value}</td><td>${s.text}</td></tr>`)}</tbody></table>`}
  </div>`;
}

const newSessionId = () => 'console-' + Math.random().toString(36).slice(2, 10);

function Chat({ bot }) {
  const sessionId = useRef(newSessionId());
  const [messages, setMessages] = useState([]);
  const [text, setText] = useState('');
  const [parse, setParse] = useState(null);
  const [turn, setTurn] = useState(null);
  const log = useRef(null);
  const input = useRef(null);
  const parseCall = useCall();
  const messageCall = useCall();
  const busy = parseCall.busy || messageCall.busy;
  useEffect(() => { if (log.current) log.current.scrollTop = log.current.scrollHeight; }, [messages]);
  const send = async (message) => {
    if (!message.trim() || busy) return;
    setMessages((m) => [...m, { from: 'user', text: message }]);
    setText('');
    // a clicked quick reply disappears with the next answer: keep the keyboard in the conversation
    input.current?.focus();
    // the turn first (it is what the user waits for), then what the NLU alone made of the same text
    const r = await messageCall.run(() => call('POST', `/v1/bots/${bot.id}/sessions/${sessionId.current}:message`, { body: { text: message } }));
    if (r) {
      setTurn(r.json);
      setMessages((m) => [...m, { from: 'bot', text: r.json.reply.text, quickReplies: r.json.reply.quickReplies }]);
    }
    const parsed = await parseCall.run(() => call('POST', `/v1/bots/${bot.id}:parse`, { body: { text: message } }));
    if (parsed) setParse(parsed.json);
  };
  const restart = () => {
    sessionId.current = newSessionId();
    setMessages([]);
    setTurn(null);
    setParse(null);
  };
  const last = messages[messages.length - 1];
  return html`<div class="chat-grid">
    <div class="chat" aria-labelledby="chat-title">
      <h2 id="chat-title">${t('bots.chat')}</h2>
      <p class="muted">${t('bots.session')} <code id="chat-session">${sessionId.current}</code>
        ${' '}<button type="button" id="chat-restart" onClick=${restart}>${t('bots.restart')}</button></p>
      <ol class="messages" aria-live="polite" id="chat-messages" ref=${log}>${messages.map((m, i) => html`<li key=${i} class=${'msg ' + m.from}>
        <span class="sr-only">${t(m.from === 'user' ? 'bots.you' : 'bots.bot')}: </span><span class="msg-text">${m.text}</span></li>`)}</ol>
      ${last?.quickReplies?.length > 0 && html`<div class="quick" id="chat-quick" role="group" aria-label=${t('bots.quickReplies')}>
        ${last.quickReplies.map((q) => html`<button type="button" key=${q} disabled=${busy} onClick=${() => send(q)}>${q}</button>`)}</div>`}
      <form onSubmit=${(e) => { e.preventDefault(); send(text); }} class="inline" id="chat-form">
        <label for="chat-text" class="sr-only">${t('bots.message')}</label>
        <input id="chat-text" ref=${input} value=${text} autocomplete="off" placeholder=${t('bots.message')} onInput=${(e) => setText(e.target.value)} />
        <button type="submit" class="primary" disabled=${!text.trim() || busy}>${t('bots.send')}</button>
      </form>
      <${ProblemBox} problem=${messageCall.problem} />
      <${TurnState} turn=${turn} />
      <${CallView} call=${messageCall} />
    </div>
    <div class="panel" aria-labelledby="parse-title">
      <h2 id="parse-title">${t('bots.parse')}</h2>
      <${ProblemBox} problem=${parseCall.problem} />
      <${ParseView} parse=${parse} />
      <${CallView} call=${parseCall} />
    </div>
  </div>`;
}

export function Chatbots() {
  const list = useGet('/v1/bots');
  const [selected, setSelected] = useState(null);
  if (list.problem?.status === 404) return html`<${NotAvailable} title=${t('nav.chatbots')} what=${t('nav.chatbots')} />`;
  const bots = list.data?.bots || [];
  const bot = bots.find((b) => b.id === selected);
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${t('nav.chatbots')}</h1>
    <p class="intro">${t('bots.intro')}</p>
    <${ProblemBox} problem=${list.problem} />
    <div class="cards">
      <article class="card" aria-labelledby="bots-title">
        <h2 id="bots-title">${t('bots.list')}</h2>
        ${list.data && bots.length === 0 && html`<p>${t('bots.none')}</p>`}
        <ul class="plain select-list" id="bot-list">${bots.map((b) => html`<li key=${b.id}><button type="button" aria-pressed=${b.id === selected}
          class=${b.id === selected ? 'selected' : ''} data-bot=${b.id} onClick=${() => setSelected(b.id)}>${b.name}
          <span class="muted">${b.locale} · ${b.publishedVersion ? 'v' + b.publishedVersion : t('bots.untrained')} · ${b.id}</span></button></li>`)}</ul>
        <${ImportBot} onImported=${(id) => { list.reload(); setSelected(id); }} />
      </article>
      ${bot && html`<article class="card wide" key=${bot.id} aria-labelledby="bot-title" id="bot-detail">
        <h2 id="bot-title">${bot.name} <span class="muted">${bot.locale} · ${bot.id}</span></h2>
        <${Train} bot=${bot} onTrained=${list.reload} />
        ${bot.publishedVersion ? html`<${Chat} bot=${bot} />` : html`<p class="muted" id="chat-needs-training">${t('bots.trainFirst')}</p>`}
      </article>`}
    </div>
  </section>`;
}
