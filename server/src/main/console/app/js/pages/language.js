// The text services: translation, language detection, sentiment and PII redaction. Each sends one document.
import { useEffect, useState } from 'preact/hooks';
import { html, Playground, Field, ProblemBox, useCall, percent } from '../ui.js';
import { t } from '../i18n.js';
import { call, ApiProblem } from '../api.js';

function TextField({ id, value, onInput, rows = 4 }) {
  return html`<${Field} id=${id} label=${t('text.input')}>
    <textarea id=${id} rows=${rows} value=${value} onInput=${(e) => onInput(e.target.value)}></textarea>
  <//>`;
}

/** A bar for a share between 0 and 1, readable without the colour. */
const Bar = ({ value, label }) => html`<div class="bar" role="meter" aria-valuemin="0" aria-valuemax="1" aria-valuenow=${value} aria-label=${label}>
  <span style=${{ width: percent(value) }}></span><em>${label} ${percent(value)}</em></div>`;

export function Translation() {
  const [text, setText] = useState('The house is red.');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('es');
  const [pairs, setPairs] = useState([]);
  const [pairsProblem, setPairsProblem] = useState(null);
  const c = useCall();
  useEffect(() => {
    call('GET', '/v1/language/translate/languages').then((r) => setPairs(r.json.pairs)).catch((e) => {
      if (!(e instanceof ApiProblem)) throw e;
      setPairsProblem(e.problem);
    });
  }, []);
  const run = (e) => {
    e.preventDefault();
    c.run(() => call('POST', '/v1/language/translate', { body: { texts: [text], to, ...(from ? { from } : {}) } }));
  };
  const targets = [...new Set(pairs.map((p) => p.to))];
  const form = html`<form onSubmit=${run} id="translate-form">
    <${ProblemBox} problem=${pairsProblem} />
    <${TextField} id="translate-text" value=${text} onInput=${setText} />
    <${Field} id="translate-from" label=${t('translate.from')} hint=${t('translate.fromHint')}>
      <input id="translate-from" value=${from} aria-describedby="translate-from-hint" onInput=${(e) => setFrom(e.target.value)} />
    <//>
    <${Field} id="translate-to" label=${t('translate.to')} hint=${pairs.length ? t('translate.pairs', { list: pairs.map((p) => p.from + '→' + p.to).join(', ') }) : ''}>
      <input id="translate-to" list="translate-targets" value=${to} aria-describedby="translate-to-hint" onInput=${(e) => setTo(e.target.value)} />
      <datalist id="translate-targets">${targets.map((x) => html`<option value=${x} key=${x} />`)}</datalist>
    <//>
    <button type="submit" class="primary" disabled=${!text.trim() || !to || c.busy}>${t('translate.run')}</button>
  </form>`;
  const tr = c.result?.json?.translations?.[0];
  const visual = tr && html`<blockquote class="translation" id="translation-text" lang=${tr.to}>${tr.text}</blockquote>
    <p class="muted">${tr.from || '?'} → ${tr.to}${tr.pair ? ' · ' + tr.engine + ' ' + tr.pair : ''}</p>`;
  return html`<${Playground} title=${t('nav.translation')} intro=${t('translate.intro')} form=${form} call=${c} visual=${visual} />`;
}

export function LanguageDetection() {
  const [text, setText] = useState('안녕하세요, 만나서 반갑습니다.');
  const c = useCall();
  const run = (e) => {
    e.preventDefault();
    c.run(() => call('POST', '/v1/language/detect', { body: { documents: [{ id: '1', text }] } }));
  };
  const languages = c.result?.json?.documents?.[0]?.languages;
  const form = html`<form onSubmit=${run} id="detect-form">
    <${TextField} id="detect-text" value=${text} onInput=${setText} />
    <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('detect.run')}</button>
  </form>`;
  const visual = languages && html`${languages.length === 0 && html`<p>${t('detect.none')}</p>`}
    <ul class="bars">${languages.slice(0, 5).map((l) => html`<li key=${l.iso6393}><${Bar} value=${l.confidence} label=${`${l.name} (${l.iso6391 || l.iso6393})`} /></li>`)}</ul>`;
  return html`<${Playground} title=${t('nav.detect')} intro=${t('detect.intro')} form=${form} call=${c} visual=${visual} />`;
}

export function Sentiment() {
  const [text, setText] = useState('The room was lovely. The staff were rude!');
  const c = useCall();
  const run = (e) => {
    e.preventDefault();
    c.run(() => call('POST', '/v1/language/sentiment', { body: { documents: [{ id: '1', text, language: 'en' }] } }));
  };
  const doc = c.result?.json?.documents?.[0];
  const form = html`<form onSubmit=${run} id="sentiment-form">
    <${TextField} id="sentiment-text" value=${text} onInput=${setText} />
    <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('sentiment.run')}</button>
  </form>`;
  const visual = doc && html`<p class="summary" id="sentiment-label">
      <span class=${'label label-' + doc.label}>${t('sentiment.' + doc.label)}</span> ${t('sentiment.compound', { n: doc.scores.compound.toFixed(2) })}</p>
    <ul class="sentences">${doc.sentences.map((s, i) => html`<li key=${i} class=${'sentence-' + s.label}>
      <span class=${'label label-' + s.label}>${t('sentiment.' + s.label)}</span> ${s.text}</li>`)}</ul>`;
  return html`<${Playground} title=${t('nav.sentiment')} intro=${t('sentiment.intro')} form=${form} call=${c} visual=${visual} />`;
}

/** The text with each entity marked, built from the entities' UTF-16 offsets (which JavaScript strings use too). */
function Marked({ text, entities }) {
  const parts = [];
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.offset - b.offset)) {
    parts.push(text.slice(at, e.offset));
    parts.push(html`<mark title=${t('pii.' + e.category)}>${text.slice(e.offset, e.offset + e.length)}<small>${t('pii.' + e.category)}</small></mark>`);
    at = e.offset + e.length;
  }
  parts.push(text.slice(at));
  return html`<p class="marked">${parts}</p>`;
}

export function Pii() {
  const [text, setText] = useState('김민준 010-1234-5678, minjun@example.com');
  const c = useCall();
  const run = (e) => {
    e.preventDefault();
    c.run(() => call('POST', '/v1/language/pii', { body: { documents: [{ id: '1', text }] } }));
  };
  const doc = c.result?.json?.documents?.[0];
  const sent = c.result?.request?.body?.documents?.[0]?.text;
  const form = html`<form onSubmit=${run} id="pii-form">
    <${TextField} id="pii-text" value=${text} onInput=${setText} />
    <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('pii.run')}</button>
  </form>`;
  const visual = doc && html`<h2>${t('pii.found', { n: doc.entities.length })}</h2>
    <${Marked} text=${sent} entities=${doc.entities} />
    <h2>${t('pii.redacted')}</h2>
    <blockquote id="pii-redacted">${doc.redactedText}</blockquote>`;
  return html`<${Playground} title=${t('nav.pii')} intro=${t('pii.intro')} form=${form} call=${c} visual=${visual} />`;
}
