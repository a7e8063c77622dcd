// Calls the Gureum API with the signed-in key and turns answers into one shape the pages can show:
// {status, ok, json | blob, problem, request}. A problem is the server's RFC 9457 body (title, detail, code, ...);
// a network failure becomes a problem too, so every page shows every failure the same way.
import { session } from './session.js';
import { t } from './i18n.js';

export class ApiProblem extends Error {
  /** `request` is what was sent, so a page can show the curl command of a failed call too. */
  constructor(problem, request) {
    super(problem.title + (problem.detail ? ': ' + problem.detail : ''));
    this.problem = problem;
    this.request = request;
  }
}

/**
 * One API call. `body` is an object (sent as JSON), a Blob/File (sent raw with its type, or `contentType`),
 * a string (sent with `contentType`) or FormData. `expect: 'blob'` reads a binary answer (audio).
 */
export async function call(method, path, { body, contentType, headers = {}, expect = 'json', saveAs, key } = {}) {
  const request = { method, path, body, contentType, headers, saveAs }; // for the copyable curl command
  const init = { method, headers: { ...headers } };
  const secret = key ?? session.value?.key;
  if (secret) init.headers.Authorization = 'Bearer ' + secret;
  if (body instanceof FormData) {
    init.body = body;
  } else if (body instanceof Blob) {
    init.body = body;
    init.headers['Content-Type'] = contentType || body.type || 'application/octet-stream';
  } else if (typeof body === 'string') {
    init.body = body;
    init.headers['Content-Type'] = contentType || 'text/plain';
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiProblem({ title: t('problem.network'), status: 0, code: 'network_error', detail: String(e.message || e) }, request);
  }
  const type = response.headers.get('Content-Type') || '';
  const requestId = response.headers.get('X-Request-Id');
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiProblem({
      ...(problem || { title: response.statusText || 'HTTP ' + response.status, code: 'http_' + response.status }),
      status: response.status, requestId: problem?.requestId || requestId,
      retryAfter: response.headers.get('Retry-After'),
    }, request);
  }
  const result = { status: response.status, request, requestId, headers: response.headers };
  if (expect === 'blob') result.blob = await response.blob();
  else if (response.status !== 204) result.json = type.includes('json') ? await response.json() : await response.text();
  return result;
}

const quote = (s) => "'" + String(s).replace(/'/g, "'\\''") + "'";

/** The request as a curl command to paste into a shell with GUREUM_KEY set: the secret itself is never shown. */
export function curl({ method, path, body, contentType, headers = {}, saveAs }, fileName) {
  const parts = ['curl -s'];
  if (method !== 'GET') parts.push('-X ' + method);
  parts.push(quote(location.origin + path));
  parts.push('-H "Authorization: Bearer $GUREUM_KEY"');
  for (const [name, value] of Object.entries(headers)) parts.push('-H ' + quote(name + ': ' + value));
  if (body instanceof FormData) {
    for (const [name, value] of body.entries()) {
      parts.push('-F ' + quote(value instanceof Blob ? name + '=@' + (value.name || fileName || 'file') : name + '=' + value));
    }
  } else if (body instanceof Blob) {
    parts.push('-H ' + quote('Content-Type: ' + (contentType || body.type || 'application/octet-stream')));
    parts.push('--data-binary @' + quote(body.name || fileName || 'file').slice(1, -1));
  } else if (typeof body === 'string') {
    parts.push('-H ' + quote('Content-Type: ' + (contentType || 'text/plain')));
    parts.push('--data-binary ' + quote(body));
  } else if (body !== undefined) {
    parts.push("-H 'Content-Type: application/json'");
    parts.push('-d ' + quote(JSON.stringify(body)));
  }
  if (saveAs) parts.push('--output ' + saveAs);
  return parts.join(' \\\n  ');
}

const FINISHED = ['succeeded', 'failed', 'canceled'];

/**
 * Follows an accepted operation (a 202 answer) until it ends, reporting its progress (0..1) on the way, and returns
 * the answer as if the call had been synchronous: its `result` as `json`. A failed or canceled operation becomes a
 * problem, like a failed call.
 */
export async function untilDone(accepted, onProgress = () => {}) {
  let op = accepted.json;
  while (!FINISHED.includes(op.status)) {
    onProgress(op.progress);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    op = (await call('GET', '/v1/operations/' + op.id)).json;
  }
  if (op.status !== 'succeeded') {
    throw new ApiProblem({ title: t('problem.operation', { status: t('status.' + op.status) }), status: 0, code: op.error?.code || op.status,
      detail: op.error?.message || '', operationId: op.id }, accepted.request);
  }
  return { ...accepted, json: op.result, operation: op };
}
