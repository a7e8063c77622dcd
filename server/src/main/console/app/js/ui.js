// Building blocks every page shares: the html template tag, problem display, copyable code, the playground layout
// (form, visual result, curl and raw JSON side by side) and the hook that runs one API call for a page.
import { h } from 'preact';
import { useState, useCallback, useEffect } from 'preact/hooks';
import htm from 'htm';
import { t } from './i18n.js';
import { call, curl, ApiProblem } from './api.js';

export const html = htm.bind(h);

/** An API error, as the server described it: title, status and code, detail, and what to do when it says. */
export function ProblemBox({ problem }) {
  if (!problem) return null;
  return html`<div class="problem" role="alert" data-code=${problem.code}>
    <strong class="problem-title">${problem.title}</strong>
    <span class="problem-status">${problem.status ? ' ' + problem.status : ''} ${problem.code ? '· ' + problem.code : ''}</span>
    ${problem.detail && html`<p class="problem-detail">${problem.detail}</p>`}
    ${problem.installCommand && html`<p>${t('problem.install')}</p><${Code} text=${problem.installCommand} label=${t('problem.install')} />`}
    ${(problem.retryAfterSeconds || problem.retryAfter) && html`<p>${t('problem.retry', { wait: duration(Number(problem.retryAfterSeconds || problem.retryAfter)) })}</p>`}
    ${problem.requestId && html`<p class="muted">${t('problem.requestId')}: <code>${problem.requestId}</code></p>`}
  </div>`;
}

/** Preformatted text with a copy button. */
export function Code({ text, label, className = '' }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // the clipboard needs a secure context (https or localhost): the text stays selectable
    }
  };
  return html`<div class="code ${className}">
    <button type="button" class="copy" onClick=${copy} aria-label=${t('copy') + ': ' + (label || '')}>${copied ? t('copied') : t('copy')}</button>
    <pre tabindex="0" aria-label=${label}>${text}</pre>
  </div>`;
}

/**
 * Runs one API call on behalf of a page: remembers the request (for curl), the answer and the problem.
 * `run(fn)` takes a function returning the promise of api.call.
 */
export function useCall() {
  const [state, setState] = useState({ busy: false });
  const run = useCallback(async (fn) => {
    setState((s) => ({ busy: true, request: s.request }));
    try {
      const result = await fn();
      setState({ busy: false, result, request: result.request });
      return result;
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      setState({ busy: false, problem: e.problem, request: e.request });
      return null;
    }
  }, []);
  return { ...state, run };
}

/**
 * The playground layout: the form on the left; the visual result, the curl command and the raw JSON on the right.
 */
export function Playground({ title, intro, form, call, visual, fileName }) {
  const request = call.result?.request || call.request;
  return html`<section class="page playground" aria-labelledby="page-title">
    <h1 id="page-title">${title}</h1>
    ${intro && html`<p class="intro">${intro}</p>`}
    <div class="playground-grid">
      <div class="panel">${form}</div>
      <div class="panel result" aria-live="polite" aria-busy=${call.busy ? 'true' : 'false'}>
        ${call.busy && html`<p class="busy">${t('running')}</p>`}
        <${ProblemBox} problem=${call.problem} />
        ${call.result && visual}
        ${request && html`<h2>${t('request')}</h2><${Code} className="curl" text=${curl(request, fileName)} label="curl" />`}
        ${call.result?.json !== undefined && html`<h2>${t('response')}</h2>
          <${Code} className="json" text=${JSON.stringify(call.result.json, null, 2)} label="JSON" />`}
      </div>
    </div>
  </section>`;
}

/** A labelled form control: the label is tied to the control so screen readers and clicks reach it. */
export function Field({ id, label, children, hint }) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${children}
    ${hint && html`<small id=${id + '-hint'}>${hint}</small>`}
  </div>`;
}

/** The honest answer for a service this server does not have. */
export function NotAvailable({ title, what }) {
  return html`<section class="page" aria-labelledby="page-title">
    <h1 id="page-title">${title}</h1>
    <div class="not-available" role="status" data-state="not-available">
      <strong>${t('notAvailable.title')}</strong>
      <p>${t('notAvailable.detail', { what })}</p>
    </div>
  </section>`;
}

/** Reads a chosen file as an object URL the page can show, released when replaced. */
export function useObjectUrl() {
  const [url, setUrl] = useState(null);
  const set = useCallback((blob) => {
    setUrl((old) => {
      if (old) URL.revokeObjectURL(old);
      return blob ? URL.createObjectURL(blob) : null;
    });
  }, []);
  return [url, set];
}

/** Loads one GET; the page shows its problem in place of its content. */
export function useGet(path) {
  const [state, setState] = useState({});
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    call('GET', path).then((r) => live && setState({ data: r.json })).catch((e) => {
      if (!(e instanceof ApiProblem)) throw e;
      if (live) setState({ problem: e.problem });
    });
    return () => { live = false; };
  }, [path, version]);
  return { ...state, reload: () => setVersion((v) => v + 1) };
}

/** Seconds in the largest two units a person would say: "4 d 10 h", "3 min 5 s" (4일 10시간). */
export function duration(seconds) {
  const units = [['time.d', 86400], ['time.h', 3600], ['time.min', 60], ['time.s', 1]];
  const parts = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [name, size] of units) {
    if (rest >= size || (size === 1 && parts.length === 0)) {
      parts.push(t(name, { n: Math.floor(rest / size) }));
      rest %= size;
    }
  }
  return parts.slice(0, 2).join(' ');
}

export const percent = (x) => (x * 100).toFixed(1) + '%';
