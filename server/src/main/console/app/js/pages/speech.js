// Speech: transcribe an uploaded or recorded clip; speak text with a chosen voice, play it and download it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html, Playground, Field, ProblemBox, useCall, useObjectUrl } from '../ui.js';
import { t, lang } from '../i18n.js';
import { call, untilDone, ApiProblem } from '../api.js';

/** Records from the microphone with MediaRecorder (WebM/Opus in Chromium, which the server decodes with ffmpeg). */
function useRecorder(onDone) {
  const [recording, setRecording] = useState(false);
  const [problem, setProblem] = useState(null);
  const recorder = useRef(null);
  const start = async () => {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks = [];
      const r = new MediaRecorder(stream);
      r.ondataavailable = (e) => chunks.push(e.data);
      r.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        const blob = new Blob(chunks, { type: r.mimeType.split(';')[0] });
        onDone(new File([blob], 'recording.' + (blob.type.includes('ogg') ? 'ogg' : 'webm'), { type: blob.type }));
      };
      r.start();
      recorder.current = r;
      setRecording(true);
    } catch (e) {
      setProblem({ title: t('stt.micDenied'), detail: String(e.message || e), code: 'microphone_unavailable' });
    }
  };
  const stop = () => {
    recorder.current?.stop();
    setRecording(false);
  };
  return { recording, start, stop, problem };
}

/** The recognizers and whether each one's model is installed (one that is not answers 503 with its install command). */
function useEngines() {
  const [engines, setEngines] = useState([]);
  useEffect(() => {
    call('GET', '/v1/speech/engines').then((r) => setEngines(r.json.engines)).catch((e) => {
      if (!(e instanceof ApiProblem)) throw e; // the transcription call shows the same problem
    });
  }, []);
  return engines;
}

export function SpeechToText() {
  const [audio, setAudio] = useState(null);
  const [engine, setEngine] = useState('');
  const [progress, setProgress] = useState(null);
  const engines = useEngines();
  const [url, setUrl] = useObjectUrl();
  const c = useCall();
  const choose = (f) => { setAudio(f); setUrl(f); };
  const recorder = useRecorder(choose);
  const run = (e) => {
    e.preventDefault();
    setProgress(null);
    // over a minute of audio becomes an operation: follow it to the transcript
    c.run(async () => {
      const r = await call('POST', '/v1/speech/transcriptions' + (engine ? '?engine=' + engine : ''), { body: audio });
      return r.status === 202 ? untilDone(r, setProgress) : r;
    });
  };
  const r = c.result?.json;
  const form = html`<form onSubmit=${run} id="stt-form">
    <${Field} id="stt-file" label=${t('stt.file')} hint=${t('stt.fileHint')}>
      <input id="stt-file" type="file" accept="audio/*" aria-describedby="stt-file-hint" onChange=${(e) => choose(e.target.files[0] || null)} />
    <//>
    <p>${t('or')}</p>
    <button type="button" onClick=${recorder.recording ? recorder.stop : recorder.start} aria-pressed=${recorder.recording}>
      ${recorder.recording ? t('stt.stop') : t('stt.record')}
    </button>
    <${ProblemBox} problem=${recorder.problem} />
    ${url && html`<audio controls src=${url} aria-label=${t('stt.input')}></audio>`}
    <${Field} id="stt-engine" label=${t('stt.engine')}>
      <select id="stt-engine" value=${engine} onChange=${(e) => setEngine(e.target.value)}>
        <option value="">${t('stt.defaultEngine')}</option>
        ${engines.map((x) => html`<option value=${x.name} key=${x.name}>${x.name}${x.languages.length ? ' (' + x.languages.join(', ') + ')' : ''}${x.installed ? '' : ' — ' + t('models.notInstalled')}</option>`)}
      </select>
    <//>
    <button type="submit" class="primary" disabled=${!audio || c.busy || recorder.recording}>${t('stt.run')}</button>
    ${c.busy && progress !== null && html`<p><progress max="1" value=${progress} aria-label=${t('operations.progress')}></progress></p>`}
  </form>`;
  const visual = r && html`<blockquote class="transcript" id="transcript">${r.text || t('stt.nothing')}</blockquote>
    <p class="muted">${t('stt.meta', { s: r.durationSeconds.toFixed(1), engine: r.engine, model: r.model })}</p>
    <ol class="segments">${r.segments.map((s) => html`<li key=${s.id}><span class="muted">${s.start.toFixed(1)}–${s.end.toFixed(1)} s</span> ${s.text}</li>`)}</ol>`;
  return html`<${Playground} title=${t('nav.stt')} intro=${t('stt.intro')} form=${form} call=${c} visual=${visual} fileName=${audio?.name} />`;
}

function useVoices() {
  const [voices, setVoices] = useState([]);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    call('GET', '/v1/speech/voices').then((r) => setVoices(r.json.voices)).catch((e) => {
      if (!(e instanceof ApiProblem)) throw e;
      setProblem(e.problem);
    });
  }, []);
  return { voices, problem };
}

export function TextToSpeech() {
  const { voices, problem } = useVoices();
  const [text, setText] = useState(t('tts.sample'));
  const [voice, setVoice] = useState('');
  useEffect(() => {
    // the sample text is in the console's language: start with a voice that can read it
    const own = voices.find((v) => v.language.toLowerCase() === lang.value);
    if (own && lang.value !== 'en') setVoice(own.id);
  }, [voices]);
  const [format, setFormat] = useState('wav');
  const [filter, setFilter] = useState('');
  // a language tag's voices (ko, en-US) or a name's: 136 espeak and flite voices are too many to scroll
  const wanted = filter.trim().toLowerCase();
  const shown = voices.filter((v) => !wanted || v.language.toLowerCase().startsWith(wanted) || v.name.toLowerCase().includes(wanted)
    || v.id === voice);
  const [url, setUrl] = useObjectUrl();
  const c = useCall();
  const player = useRef(null);
  const run = async (e) => {
    e.preventDefault();
    const body = { text, format, ...(voice ? { voice } : {}) };
    const r = await c.run(() => call('POST', '/v1/speech/synthesize', { body, expect: 'blob', saveAs: 'speech.' + format }));
    if (r) setUrl(r.blob);
  };
  useEffect(() => {
    // play what was just spoken; a browser that blocks autoplay leaves the controls to the user
    if (url && player.current) player.current.play().catch(() => {});
  }, [url]);
  const form = html`<form onSubmit=${run} id="tts-form">
    <${ProblemBox} problem=${problem} />
    <${Field} id="tts-text" label=${t('tts.text')}>
      <textarea id="tts-text" rows="4" value=${text} onInput=${(e) => setText(e.target.value)}></textarea>
    <//>
    <${Field} id="tts-filter" label=${t('tts.filter')} hint=${t('tts.filterHint')}>
      <input id="tts-filter" value=${filter} aria-describedby="tts-filter-hint" onInput=${(e) => setFilter(e.target.value)} />
    <//>
    <${Field} id="tts-voice" label=${t('tts.voice', { n: shown.length })}>
      <select id="tts-voice" value=${voice} onChange=${(e) => setVoice(e.target.value)}>
        <option value="">${t('tts.defaultVoice')}</option>
        ${shown.map((v) => html`<option value=${v.id} key=${v.id}>${v.name} (${v.language}, ${v.engine}, ${t('gender.' + v.gender)})</option>`)}
      </select>
    <//>
    <${Field} id="tts-format" label=${t('tts.format')}>
      <select id="tts-format" value=${format} onChange=${(e) => setFormat(e.target.value)}>
        ${['wav', 'mp3', 'ogg'].map((f) => html`<option value=${f} key=${f}>${f}</option>`)}
      </select>
    <//>
    <button type="submit" class="primary" disabled=${!text.trim() || c.busy}>${t('tts.run')}</button>
  </form>`;
  const r = c.result;
  const visual = r && url && html`<audio id="tts-audio" controls src=${url} ref=${player} data-bytes=${r.blob.size}
      aria-label=${t('tts.audio')}></audio>
    <p><a href=${url} download=${'speech.' + format} id="tts-download">${t('tts.download')}</a>
      <span class="muted"> ${t('tts.meta', { kb: (r.blob.size / 1024).toFixed(1), rate: r.headers.get('X-Sample-Rate') || '?' })}</span></p>`;
  return html`<${Playground} title=${t('nav.tts')} intro=${t('tts.intro')} form=${form} call=${c} visual=${visual} />`;
}
