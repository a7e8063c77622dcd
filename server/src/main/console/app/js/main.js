// The console shell: sign-in gate, navigation, language switch and a hash router (#/page), so the server only has
// to serve static files and any page can be bookmarked or reloaded.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './ui.js';
import { t, lang, setLang } from './i18n.js';
import { session, signOut } from './session.js';
import { SignIn } from './pages/signin.js';
import { Overview } from './pages/overview.js';
import { FacesPlayground, ObjectsPlayground } from './pages/vision.js';
import { OcrPlayground } from './pages/ocr.js';
import { SpeechToText, TextToSpeech } from './pages/speech.js';
import { Translation, LanguageDetection, Sentiment, Pii } from './pages/language.js';
import { Chatbots } from './pages/chatbots.js';
import { AutoMl } from './pages/automl.js';
import { Keys } from './pages/keys.js';
import { Models } from './pages/models.js';
import { Operations } from './pages/operations.js';

const PAGES = [
  { path: 'overview', label: 'nav.overview', page: Overview },
  { group: 'nav.playgrounds' },
  { path: 'try/faces', label: 'nav.faces', page: FacesPlayground },
  { path: 'try/objects', label: 'nav.objects', page: ObjectsPlayground },
  { path: 'try/ocr', label: 'nav.ocr', page: OcrPlayground },
  { path: 'try/speech-to-text', label: 'nav.stt', page: SpeechToText },
  { path: 'try/text-to-speech', label: 'nav.tts', page: TextToSpeech },
  { path: 'try/translation', label: 'nav.translation', page: Translation },
  { path: 'try/language-detection', label: 'nav.detect', page: LanguageDetection },
  { path: 'try/sentiment', label: 'nav.sentiment', page: Sentiment },
  { path: 'try/pii', label: 'nav.pii', page: Pii },
  { group: 'nav.build' },
  { path: 'chatbots', label: 'nav.chatbots', page: Chatbots },
  { path: 'automl', label: 'nav.automl', page: AutoMl },
  { group: 'nav.manage' },
  { path: 'keys', label: 'nav.keys', page: Keys },
  { path: 'models', label: 'nav.models', page: Models },
  { path: 'operations', label: 'nav.operations', page: Operations },
];

const currentPath = () => location.hash.replace(/^#\/?/, '') || 'overview';

function useHashPath() {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return path;
}

function LanguageSwitch() {
  const other = lang.value === 'ko' ? 'en' : 'ko';
  return html`<button type="button" class="lang-switch" id="lang-switch" lang=${other}
    aria-label=${t('switchLanguage')} onClick=${() => setLang(other)}>${other === 'ko' ? '한국어' : 'English'}</button>`;
}

function Header() {
  const s = session.value;
  return html`<header class="top">
    <a class="brand" href="#/overview"><span aria-hidden="true">☁</span> ${t('brand')}</a>
    <div class="top-actions">
      ${s && html`<span class="who" id="who">${s.admin ? t('who.admin') : t('who.project', { id: s.projectId })}</span>`}
      <${LanguageSwitch} />
      ${s && html`<button type="button" id="sign-out" onClick=${signOut}>${t('signOut')}</button>`}
    </div>
  </header>`;
}

function Nav({ path }) {
  return html`<nav class="side" aria-label=${t('nav.label')}>
    <ul>${PAGES.map((p) => p.group
      ? html`<li class="group" role="presentation">${t(p.group)}</li>`
      : html`<li><a href=${'#/' + p.path} id=${'nav-' + p.path.replace('/', '-')}
          aria-current=${p.path === path ? 'page' : undefined}>${t(p.label)}</a></li>`)}
    </ul>
  </nav>`;
}

function App() {
  const path = useHashPath();
  useEffect(() => { document.documentElement.lang = lang.value; }, [lang.value]);
  useEffect(() => {
    // a new page: move keyboard and screen-reader focus to its content, as a full page load would
    document.getElementById('main')?.focus({ preventScroll: true });
    document.title = t('brand');
  }, [path, lang.value]);
  if (!session.value) {
    return html`<a class="skip" href="#main">${t('skip')}</a><${Header} /><main id="main"><${SignIn} /></main>`;
  }
  const entry = PAGES.find((p) => p.path === path) || PAGES[0];
  const Page = entry.page;
  // keyed by path: a page starts afresh when it is opened again
  return html`<a class="skip" href="#main">${t('skip')}</a>
    <${Header} />
    <div class="layout">
      <${Nav} path=${entry.path} />
      <main id="main" tabindex="-1" data-page=${entry.path}><${Page} key=${entry.path} /></main>
    </div>`;
}

// the page's "loading" text is plain HTML that Preact does not own: clear it, or it stays under every page
const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
