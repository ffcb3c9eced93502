// The console's only way to the server: the public REST API with the browser session (cookie
// armature_session, HttpOnly) and its CSRF token on every state-changing request.

export class ApiError extends Error {
  constructor(status, problem) {
    super(ApiError.describe(status, problem));
    this.status = status;
    this.problem = problem || {};
  }

  /** Field errors of a 400 as a map field -> message. */
  get fieldErrors() {
    const map = {};
    for (const e of this.problem.errors || []) {
      if (e.field) map[e.field] = e.message;
    }
    return map;
  }

  static describe(status, problem) {
    if (problem && problem.detail) return problem.detail;
    if (problem && problem.title) return `${status} ${problem.title}`;
    return `the server answered ${status}`;
  }
}

const session = {me: null, csrf: null};
let onExpired = () => {};

/** Called when the session is gone (401): the app shows the login page and keeps the route. */
export function whenSessionExpires(handler) {
  onExpired = handler;
}

export function me() {
  return session.me;
}

/**
 * Calls the REST API. body: a plain object (sent as JSON), FormData or a Blob. Answers the parsed
 * JSON (null for 204); throws ApiError with the problem document otherwise.
 */
export async function api(method, path, body, options) {
  const headers = {Accept: 'application/json'};
  let payload;
  if (body instanceof FormData || body instanceof Blob) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && method !== 'HEAD' && session.csrf) {
    headers['X-CSRF-Token'] = session.csrf;
  }
  Object.assign(headers, (options && options.headers) || {});
  let response;
  try {
    response = await fetch(path, {method, headers, body: payload, credentials: 'same-origin'});
  } catch (e) {
    throw new ApiError(0, {detail: `the runtime cannot be reached (${e.message})`});
  }
  if (response.status === 401 && !(options && options.login)) {
    session.me = null;
    session.csrf = null;
    onExpired();
    throw new ApiError(401, {detail: 'your session has ended: log in again'});
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  if (options && options.text) {
    if (!response.ok) throw new ApiError(response.status, await parse(response, type));
    return response.text();
  }
  const parsed = await parse(response, type);
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

async function parse(response, type) {
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (e) {
      return {detail: `unreadable answer (${e.message})`};
    }
  }
  const text = await response.text();
  return {detail: text ? text.slice(0, 300) : `${response.status} ${response.statusText}`};
}

/** The current caller, or null when there is no session. */
export async function loadSession() {
  try {
    const caller = await api('GET', '/api/v1/auth/me', undefined, {login: true});
    session.me = caller;
    session.csrf = caller.csrf_token || null;
    return caller;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function login(user, password) {
  const caller = await api('POST', '/api/v1/auth/login', {user, password}, {login: true});
  session.me = caller;
  session.csrf = caller.csrf_token || null;
  return caller;
}

export async function logout() {
  try {
    await api('POST', '/api/v1/auth/logout', undefined, {login: true});
  } finally {
    session.me = null;
    session.csrf = null;
  }
}

const RANK = {viewer: 1, operator: 2, admin: 3};

/**
 * Whether the caller holds at least `role` globally, or (with a tenant) for that tenant. The
 * server decides every request on its own; this only chooses what the console offers.
 */
export function can(role, tenant) {
  const caller = session.me;
  if (!caller) return false;
  return (caller.grants || []).some((g) => {
    const rank = RANK[g.role] || 0;
    if (rank < RANK[role]) return false;
    return g.tenant === null || g.tenant === undefined || (tenant !== undefined && g.tenant === tenant);
  });
}

/** Global grants of any role (system pages need one). */
export function hasGlobalGrant() {
  return !!session.me && (session.me.grants || []).some((g) => !g.tenant && RANK[g.role]);
}

/** Query string from an object, leaving out empty values; arrays repeat the key. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const enc = encodeURIComponent;
