// Who is signed in. The key lives in sessionStorage only: it is gone when the tab closes and is never written to
// localStorage, a cookie or a URL.
import { signal } from '@preact/signals';

const STORAGE = 'gureum.session';

function restore() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE));
  } catch {
    return null;
  }
}

/** {key, admin, projectId} or null. */
export const session = signal(restore());

export function signIn(value) {
  sessionStorage.setItem(STORAGE, JSON.stringify(value));
  session.value = value;
}

export function signOut() {
  sessionStorage.removeItem(STORAGE);
  session.value = null;
}
