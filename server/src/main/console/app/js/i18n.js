// Every string of the console in English and Korean. t(key, values) fills {name} placeholders; a missing key shows
// itself (and is caught by the browser test that switches languages) rather than an empty label.
import { signal } from '@preact/signals';
import { strings } from './strings.js';

const STORAGE = 'gureum.lang';

function initial() {
  const saved = localStorage.getItem(STORAGE);
  if (saved === 'en' || saved === 'ko') return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export const lang = signal(initial());

export function setLang(value) {
  localStorage.setItem(STORAGE, value); // a preference, not a secret
  lang.value = value;
}

export function t(key, values = {}) {
  const text = strings[lang.value][key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

/** A unit the server names (characters, images, ...) in the reader's language; an unknown one as the server wrote it. */
export const unitName = (unit) => (('units.' + unit) in strings.en ? t('units.' + unit) : unit);

/** Numbers and dates in the reader's language. */
export const formatNumber = (n) => new Intl.NumberFormat(lang.value).format(n);
export const formatTime = (iso) => (iso ? new Date(iso).toLocaleString(lang.value) : '');
