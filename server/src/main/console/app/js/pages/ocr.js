// OCR: each line's polygon over the page with its text written into it, and the whole text to copy. PDFs and TIFFs
// (which a browser cannot show as an image) go to ocr:analyze, an operation followed to its end, page by page.
import { useState } from 'preact/hooks';
import { html, Playground, Field, Code, useCall } from '../ui.js';
import { t } from '../i18n.js';
import { call, untilDone } from '../api.js';
import { useImage, Overlay } from './vision.js';

const DOCUMENT_TYPES = ['application/pdf', 'image/tiff'];

const points = (polygon) => polygon.map((p) => p.x + ',' + p.y).join(' ');

/** The line's height from its polygon (top-left to bottom-left), to size the overlaid text like the printed one. */
const lineHeight = (polygon) => Math.hypot(polygon[3].x - polygon[0].x, polygon[3].y - polygon[0].y);

export function OcrPlayground() {
  const image = useImage();
  const [languages, setLanguages] = useState('en');
  const [engine, setEngine] = useState('auto');
  const [progress, setProgress] = useState(null);
  const c = useCall();
  const isDocument = DOCUMENT_TYPES.includes(image.file?.type);
  const run = (e) => {
    e.preventDefault();
    const query = new URLSearchParams({ languages, engine });
    setProgress(null);
    c.run(async () => {
      if (!isDocument) return call('POST', '/v1/vision/ocr?' + query, { body: image.file });
      return untilDone(await call('POST', '/v1/vision/ocr:analyze?' + query, { body: image.file }), setProgress);
    });
  };
  const pages = c.result?.json?.pages || [];
  const page = pages[0];
  const textOf = (p) => p.lines.map((l) => l.text).join('\n');
  const text = pages.map(textOf).join('\n\n');
  const form = html`<form onSubmit=${run} id="ocr-form">
    <${Field} id="ocr-image" label=${t('ocr.file')} hint=${t('ocr.fileHint')}>
      <input id="ocr-image" type="file" accept="image/jpeg,image/png,image/webp,image/bmp,image/tiff,application/pdf"
        aria-describedby="ocr-image-hint" onChange=${(e) => image.choose(e.target.files[0] || null)} />
    <//>
    <${Field} id="ocr-languages" label=${t('ocr.languages')} hint=${t('ocr.languagesHint')}>
      <input id="ocr-languages" value=${languages} aria-describedby="ocr-languages-hint" onInput=${(e) => setLanguages(e.target.value)} />
    <//>
    <${Field} id="ocr-engine" label=${t('ocr.engine')}>
      <select id="ocr-engine" value=${engine} onChange=${(e) => setEngine(e.target.value)}>
        ${['auto', 'paddle', 'tesseract'].map((v) => html`<option value=${v} key=${v}>${v}</option>`)}
      </select>
    <//>
    <button type="submit" class="primary" disabled=${!image.file || c.busy}>${t('ocr.run')}</button>
    ${c.busy && progress !== null && html`<p><progress max="1" value=${progress} aria-label=${t('operations.progress')}></progress></p>`}
  </form>`;
  const shownAsImage = page && !c.result.operation;
  const visual = page && html`<p class="summary">${t('ocr.found', { n: pages.reduce((n, p) => n + p.lines.length, 0), pages: pages.length, engine: c.result.json.engine })}</p>
    ${shownAsImage && html`<${Overlay} url=${image.url} width=${page.width} height=${page.height} count=${page.lines.length} label=${t('ocr.overlay')}>
      ${page.lines.map((l, i) => html`<g key=${i} class="ocr-line">
        <polygon class="box" points=${points(l.polygon)} />
        <text class="ocr-text" x=${l.polygon[3].x} y=${l.polygon[3].y - lineHeight(l.polygon) * 0.2}
          font-size=${lineHeight(l.polygon) * 0.8} textLength=${Math.hypot(l.polygon[1].x - l.polygon[0].x, l.polygon[1].y - l.polygon[0].y)}
          lengthAdjust="spacingAndGlyphs">${l.text}</text>
      </g>`)}
    <//>`}
    <h2>${t('ocr.text')}</h2>
    <${Code} className="ocr-result-text" text=${text} label=${t('ocr.text')} />`;
  return html`<${Playground} title=${t('nav.ocr')} intro=${t('ocr.intro')} form=${form} call=${c} visual=${visual}
    fileName=${image.file?.name} />`;
}
