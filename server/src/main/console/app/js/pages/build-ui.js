// Pieces the Build pages (chatbots, AutoML) share. These pages run several calls in a row (upload, then an
// experiment, then a prediction), so instead of one playground result each step shows its own call: the curl
// command and the raw JSON under what the step drew.
import { html, Code, percent } from '../ui.js';
import { t } from '../i18n.js';
import { curl } from '../api.js';

/** The last request of a useCall() as curl, and its JSON answer; folded so the visual result stays in view. */
export function CallView({ call: c, fileName, open = true }) {
  const request = c.result?.request || c.request;
  if (!request) return null;
  const json = c.result?.json;
  return html`<details class="call-view" open=${open}>
    <summary>${t('build.apiCall')} <code>${request.method} ${request.path.split('?')[0]}</code></summary>
    <h4>${t('request')}</h4>
    <${Code} className="curl" text=${curl(request, fileName)} label="curl" />
    ${json !== undefined && html`<h4>${t('response')}</h4>
      <${Code} className="json" text=${typeof json === 'string' ? json : JSON.stringify(json, null, 2)} label="JSON" />`}
  </details>`;
}

/** A horizontal bar for a value between 0 and max, with its number written out (readable without colour). */
export function Meter({ value, label, max = 1, text }) {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return html`<div class="bar" role="meter" aria-valuemin="0" aria-valuemax=${max} aria-valuenow=${value} aria-label=${label}>
    <span style=${{ width: percent(share) }}></span><em>${label} ${text ?? percent(value)}</em></div>`;
}
