// Sign in with an API key. The usage report is the one call every valid key may make, and it tells who the key is:
// an admin key's report covers every project (no projectId), a project key's names its project.
import { useState } from 'preact/hooks';
import { html, ProblemBox, Field, Code } from '../ui.js';
import { t } from '../i18n.js';
import { call, ApiProblem } from '../api.js';
import { signIn } from '../session.js';

export function SignIn() {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('GET', '/v1/usage', { key: key.trim() });
      signIn({ key: key.trim(), admin: !r.json.projectId, projectId: r.json.projectId || null });
      if (!location.hash) location.hash = '#/overview';
    } catch (err) {
      if (!(err instanceof ApiProblem)) throw err;
      setProblem(err.problem);
    } finally {
      setBusy(false);
    }
  };

  return html`<section class="page signin" aria-labelledby="page-title">
    <h1 id="page-title">${t('signin.title')}</h1>
    <p>${t('signin.intro')}</p>
    <form onSubmit=${submit} id="signin-form">
      <${Field} id="api-key" label=${t('signin.key')} hint=${t('signin.keyHint')}>
        <input id="api-key" type="password" autocomplete="off" spellcheck="false" required
          aria-describedby="api-key-hint" value=${key} onInput=${(e) => setKey(e.target.value)} />
      <//>
      <button type="submit" class="primary" disabled=${busy}>${busy ? t('signin.checking') : t('signin.submit')}</button>
    </form>
    <${ProblemBox} problem=${problem} />
    <h2>${t('signin.whereTitle')}</h2>
    <p>${t('signin.where')}</p>
    <${Code} text="cat ~/.gureum/admin.key" label=${t('signin.whereTitle')} />
  </section>`;
}
