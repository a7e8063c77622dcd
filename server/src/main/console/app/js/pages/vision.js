// Faces and objects: the image with the boxes the API found drawn over it, in the image's own pixel coordinates
// (an SVG whose viewBox is the image size, laid over the image, so the drawing scales with it).
import { useState } from 'preact/hooks';
import { html, Playground, Field, useCall, useObjectUrl, percent } from '../ui.js';
import { t } from '../i18n.js';
import { call } from '../api.js';

/** The chosen image and its preview URL. */
export function useImage() {
  const [file, setFile] = useState(null);
  const [url, setUrl] = useObjectUrl();
  const choose = (f) => { setFile(f); setUrl(f); };
  return { file, url, choose };
}

function ImageInput({ id, image }) {
  return html`<${Field} id=${id} label=${t('image.choose')} hint=${t('image.hint')}>
    <input id=${id} type="file" accept="image/jpeg,image/png,image/webp,image/bmp,image/tiff"
      aria-describedby=${id + '-hint'} onChange=${(e) => image.choose(e.target.files[0] || null)} />
  <//>`;
}

/** The image with an SVG layer; `count` is set as data-shapes once the shapes are drawn. */
export function Overlay({ url, width, height, count, children, label }) {
  return html`<figure class="overlay">
    <div class="overlay-box">
      <img src=${url} alt=${label} />
      <svg viewBox=${`0 0 ${width} ${height}`} preserveAspectRatio="none" data-shapes=${count} role="img" aria-label=${label}>
        ${children}
      </svg>
    </div>
  </figure>`;
}

const labelSize = (width) => Math.max(12, Math.round(width / 40));

function faceLabel(face) {
  const a = face.attributes || {};
  const parts = [];
  if (a.age !== undefined) parts.push(t('faces.age', { n: Math.round(a.age) }));
  if (a.gender) parts.push(t('faces.' + a.gender.value));
  if (a.emotion) parts.push(t('emotion.' + a.emotion.dominant));
  return parts.join(' · ');
}

function FaceShapes({ faces, width }) {
  const size = labelSize(width);
  return faces.map((f, i) => html`<g class="face" key=${i}>
    <rect class="box" x=${f.box.x} y=${f.box.y} width=${f.box.width} height=${f.box.height} />
    ${Object.entries(f.landmarks || {}).map(([name, p]) => html`<circle class="landmark" key=${name} cx=${p.x} cy=${p.y} r=${size / 4}><title>${name}</title></circle>`)}
    <text class="box-label" x=${f.box.x} y=${Math.max(size, f.box.y - size / 3)} font-size=${size}>${faceLabel(f) || percent(f.confidence)}</text>
  </g>`);
}

export function FacesPlayground() {
  const image = useImage();
  const [attributes, setAttributes] = useState({ age: true, gender: true, emotion: true });
  const c = useCall();
  const query = Object.keys(attributes).filter((a) => attributes[a]).join(',');
  const run = (e) => {
    e.preventDefault();
    c.run(() => call('POST', '/v1/vision/faces:detect' + (query ? '?attributes=' + query : ''), { body: image.file }));
  };
  const r = c.result?.json;
  const form = html`<form onSubmit=${run} id="faces-form">
    <${ImageInput} id="faces-image" image=${image} />
    <fieldset><legend>${t('faces.attributes')}</legend>
      ${['age', 'gender', 'emotion'].map((a) => html`<label class="check" key=${a}>
        <input type="checkbox" checked=${attributes[a]} onChange=${(e) => setAttributes({ ...attributes, [a]: e.target.checked })} /> ${t('faces.attr.' + a)}
      </label>`)}
    </fieldset>
    <button type="submit" class="primary" disabled=${!image.file || c.busy}>${t('faces.run')}</button>
  </form>`;
  const visual = r && html`<p class="summary" id="faces-summary">${t('faces.found', { n: r.faces.length })}</p>
    <${Overlay} url=${image.url} width=${r.image.width} height=${r.image.height} count=${r.faces.length} label=${t('faces.found', { n: r.faces.length })}>
      <${FaceShapes} faces=${r.faces} width=${r.image.width} />
    <//>`;
  return html`<${Playground} title=${t('nav.faces')} intro=${t('faces.intro')} form=${form} call=${c} visual=${visual}
    fileName=${image.file?.name} />`;
}

export function ObjectsPlayground() {
  const image = useImage();
  const [minConfidence, setMinConfidence] = useState(0.25);
  const c = useCall();
  const run = (e) => {
    e.preventDefault();
    c.run(() => call('POST', '/v1/vision/objects:detect?minConfidence=' + minConfidence, { body: image.file }));
  };
  const r = c.result?.json;
  const form = html`<form onSubmit=${run} id="objects-form">
    <${ImageInput} id="objects-image" image=${image} />
    <${Field} id="objects-confidence" label=${t('objects.minConfidence')}>
      <input id="objects-confidence" type="number" min="0" max="1" step="0.05" value=${minConfidence}
        onInput=${(e) => setMinConfidence(e.target.value)} />
    <//>
    <button type="submit" class="primary" disabled=${!image.file || c.busy}>${t('objects.run')}</button>
  </form>`;
  const size = r ? labelSize(r.image.width) : 12;
  const visual = r && html`<p class="summary">${t('objects.found', { n: r.objects.length })}</p>
    <${Overlay} url=${image.url} width=${r.image.width} height=${r.image.height} count=${r.objects.length} label=${t('objects.found', { n: r.objects.length })}>
      ${r.objects.map((o, i) => html`<g key=${i}>
        <rect class="box" x=${o.box.x} y=${o.box.y} width=${o.box.width} height=${o.box.height} />
        <text class="box-label" x=${o.box.x} y=${Math.max(size, o.box.y - size / 3)} font-size=${size}>${o.label} ${percent(o.confidence)}</text>
      </g>`)}
    <//>`;
  return html`<${Playground} title=${t('nav.objects')} intro=${t('objects.intro')} form=${form} call=${c} visual=${visual}
    fileName=${image.file?.name} />`;
}
