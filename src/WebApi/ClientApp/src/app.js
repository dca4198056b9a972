// The dashboard: sign-in (with MFA and the forced first password change), overview, threats, analyze, admin and sessions.
// Tokens live only in this module's memory: a reload signs out, and no script-readable storage ever holds them.
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const liveBadge = document.getElementById('live');
const logoutButton = document.getElementById('logout');
const numbers = new Intl.NumberFormat(navigator.language);
const percent = new Intl.NumberFormat(navigator.language, { style: 'percent', maximumFractionDigits: 0 });
const dates = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'short', timeStyle: 'medium' });

const session = { access: null, refresh: null, refreshTimer: 0, me: null, live: null };

/** Builds an element; children are nodes or strings (always text, never parsed as markup). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const svg = (tag, attrs = {}) => {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  return el;
};

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** A body sent as it is, with its own media type, instead of as JSON. */
class RawBody {
  constructor(text, type) {
    this.text = text;
    this.type = type;
  }
}

async function api(method, path, body, retry = true) {
  const headers = { Accept: 'application/json' };
  if (session.access) headers.Authorization = `Bearer ${session.access}`;
  const raw = body instanceof RawBody;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type : 'application/json';
  const payload = body === undefined ? undefined : raw ? body.text : JSON.stringify(body);
  const response = await fetch(path, { method, headers, body: payload, credentials: 'omit' });
  if (response.status === 401 && retry && session.refresh) {
    if (await refreshTokens()) return api(method, path, body, false);
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function problemText(error) {
  const errors = error.problem?.errors;
  if (errors) return Object.values(errors).flat().join(' ');
  return error.message;
}

function acceptTokens(tokens) {
  session.access = tokens.access_token;
  session.refresh = tokens.refresh_token;
  clearTimeout(session.refreshTimer);
  // Refresh at four fifths of the lifetime, so a slow network still beats the expiry.
  session.refreshTimer = setTimeout(refreshTokens, Math.max(5, tokens.expires_in * 0.8) * 1000);
}

async function refreshTokens() {
  const refresh = session.refresh;
  if (!refresh) return false;
  try {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'omit',
      body: JSON.stringify({ refresh_token: refresh }),
    });
    if (!response.ok) throw new Error(`refresh ${response.status}`);
    acceptTokens(await response.json());
    return true;
  } catch {
    forget();
    route();
    return false;
  }
}

function forget() {
  clearTimeout(session.refreshTimer);
  session.access = session.refresh = session.me = null;
  session.live?.abort();
  session.live = null;
  nav.hidden = logoutButton.hidden = liveBadge.hidden = true;
}

logoutButton.addEventListener('click', async () => {
  try { await api('POST', '/api/v1/auth/logout', undefined, false); } catch { /* signing out locally regardless */ }
  forget();
  location.hash = '#/signin';
  route();
});

// ---- Sign-in -----------------------------------------------------------------------------------------------

function field(label, attrs) {
  return h('label', {}, label, h('input', attrs));
}

function signInView(message) {
  const error = h('p', { class: 'error', role: 'alert' }, message ?? '');
  const form = h('form', { class: 'stack', 'aria-labelledby': 'signin-title', 'data-auth': true },
    field('User name', { name: 'username', autocomplete: 'username', required: true }),
    field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('button', { type: 'submit' }, 'Sign in'), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = form.username.value;
    const password = form.password.value;
    try {
      const login = await api('POST', '/api/v1/auth/login', { username, password }, false);
      if (login.mfa_required) return show(mfaView(login.mfa_token));
      await signedIn(login, username);
    } catch (e) {
      error.textContent = e.status === 423 ? 'Account locked; ask an administrator.' : 'Sign-in failed: ' + problemText(e);
    }
  });
  return [h('h1', { id: 'signin-title' }, 'Sign in'), form];
}

function mfaView(mfaToken) {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'mfa-title', 'data-auth': true },
    field('Code from your authenticator app', { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', required: true }),
    h('button', { type: 'submit' }, 'Verify'), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await signedIn(await api('POST', '/api/v1/auth/login/mfa', { mfa_token: mfaToken, code: form.code.value }, false));
    } catch (e) {
      error.textContent = 'Verification failed: ' + problemText(e);
    }
  });
  return [h('h1', { id: 'mfa-title' }, 'Two-step verification'), form];
}

function passwordChangeView(username) {
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'pw-title', 'data-auth': true },
    h('p', {}, 'This account must choose a new password before it can do anything else.'),
    field('Current password', { name: 'current', type: 'password', autocomplete: 'current-password', required: true }),
    field('New password', { name: 'next', type: 'password', autocomplete: 'new-password', required: true }),
    field('Repeat new password', { name: 'repeat', type: 'password', autocomplete: 'new-password', required: true }),
    h('button', { type: 'submit' }, 'Change password'), error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.next.value !== form.repeat.value) {
      error.textContent = 'The new passwords differ.';
      return;
    }
    try {
      await api('POST', '/api/v1/auth/password', { current_password: form.current.value, new_password: form.next.value }, false);
      // The change ends every session, the restricted one included: sign in again with the new password.
      const login = await api('POST', '/api/v1/auth/login', { username, password: form.next.value }, false);
      if (login.mfa_required) return show(mfaView(login.mfa_token));
      await signedIn(login, username);
    } catch (e) {
      error.textContent = 'Password change failed: ' + problemText(e);
    }
  });
  return [h('h1', { id: 'pw-title' }, 'Choose a new password'), form];
}

async function signedIn(tokens, username) {
  acceptTokens(tokens);
  if (tokens.restricted === 'password_change') return show(passwordChangeView(username));
  session.me = await api('GET', '/api/v1/auth/me');
  nav.hidden = logoutButton.hidden = liveBadge.hidden = false;
  for (const link of nav.querySelectorAll('[data-role="admin"]')) link.hidden = session.me.role !== 'admin';
  for (const link of nav.querySelectorAll('[data-role="analyst"]')) link.hidden = !isAnalyst();
  startLive();
  if (!location.hash || location.hash === '#/signin') location.hash = '#/overview';
  else route();
}

const isAnalyst = () => session.me?.role === 'analyst' || session.me?.role === 'admin';
const isAdmin = () => session.me?.role === 'admin';
const weight = new Intl.NumberFormat(navigator.language, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const VERDICTS = { true_positive: 'True positive', false_positive: 'False positive' };

// ---- Live feed ---------------------------------------------------------------------------------------------

const liveListeners = new Set();

function setLiveState(state) {
  liveBadge.dataset.state = state;
  liveBadge.textContent = { live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' }[state];
}

/** Server-Sent Events over fetch, so the bearer token travels in a header rather than in the URL. */
function startLive() {
  const controller = new AbortController();
  session.live = controller;
  let delay = 1000;
  const connect = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch('/api/v1/live', {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.access}` }, signal: controller.signal, credentials: 'omit',
        });
        if (response.status === 401) await refreshTokens();
        if (!response.ok || !response.body) throw new Error(`live ${response.status}`);
        setLiveState('live');
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
            const data = /^data: ?(.*)$/m.exec(block)?.[1];
            // 'ready' comes once the server has its baseline: reloading then catches anything stored before it.
            if ((type === 'threat' || type === 'ready') && data) for (const listener of liveListeners) listener(JSON.parse(data));
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      setLiveState('reconnecting');
      // Backs off to 30 s so that a restarting server is not met by every open dashboard at once.
      await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * 500));
      delay = Math.min(delay * 2, 30000);
    }
  };
  setLiveState('reconnecting');
  connect();
}

// ---- Overview ----------------------------------------------------------------------------------------------

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function barList(title, entries, id) {
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return h('section', { class: 'card', 'aria-labelledby': id },
    h('h2', { id }, title),
    entries.length === 0 ? h('p', { class: 'muted' }, 'Nothing yet.') :
      h('ul', { class: 'bars' }, entries.map(([name, n]) => h('li', {},
        h('span', { class: 'name', title: name }, name),
        h('span', { class: 'track', 'aria-hidden': 'true' }, bar(n / max)),
        h('span', { class: 'num' }, numbers.format(n))))));
}

function bar(fraction) {
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${Math.round(fraction * 100)}%`;
  return fill;
}

/** Threats per time bucket, stacked by family; drawn as SVG so the CSP needs no inline styles. */
function familyChart(threats) {
  const families = countBy(threats, (t) => t.category).map(([name]) => name);
  const buckets = 12;
  const now = Date.now();
  const oldest = threats.length ? Math.min(...threats.map((t) => Date.parse(t.detected_at))) : now - 3600_000;
  const span = Math.max(60_000, now - oldest + 1);
  const counts = Array.from({ length: buckets }, () => new Map());
  for (const t of threats) {
    const index = Math.min(buckets - 1, Math.floor(((Date.parse(t.detected_at) - oldest) / span) * buckets));
    counts[index].set(t.category, (counts[index].get(t.category) ?? 0) + 1);
  }
  const max = Math.max(1, ...counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const chart = svg('svg', { class: 'chart', viewBox: '0 0 600 200', preserveAspectRatio: 'none', role: 'img',
    'aria-label': `Threats over time by family, ${numbers.format(threats.length)} in total` });
  counts.forEach((bucket, i) => {
    let y = 200;
    families.forEach((family, f) => {
      const n = bucket.get(family) ?? 0;
      if (!n) return;
      const height = (n / max) * 190;
      y -= height;
      const rect = svg('rect', { x: i * 50 + 4, y, width: 42, height, class: `c${Math.min(f, 6)}`, 'data-family': family });
      rect.append(svg('title'));
      rect.firstChild.textContent = `${family}: ${numbers.format(n)}`;
      chart.append(rect);
    });
  });
  return h('section', { class: 'card wide', 'aria-labelledby': 'chart-title' },
    h('h2', { id: 'chart-title' }, 'Threats over time by family'), chart,
    h('ul', { class: 'legend' }, families.map((family, f) => h('li', {}, h('span', { class: `swatch c${Math.min(f, 6)}`, 'aria-hidden': 'true' }), family))));
}

/** For a plain user, who may not read the service-wide statistics: the same figures over their own threats. */
function ownStats(recent) {
  const tally = (key) => recent.items.reduce((counts, t) => ({ ...counts, [t[key]]: (counts[t[key]] ?? 0) + 1 }), {});
  const sources = Object.entries(tally('source_ip')).filter(([ip]) => ip !== 'null' && ip !== 'undefined');
  return {
    threats: recent.total,
    blocked: recent.items.filter((t) => t.blocked).length,
    requests: null,
    by_severity: tally('severity'),
    by_action: tally('action'),
    top_sources: sources.map(([source_ip, threats]) => ({ source_ip, threats })),
    top_rules: [],
  };
}

async function overviewView() {
  const recent = await api('GET', '/api/v1/threats?page_size=200');
  const stats = isAnalyst() ? await api('GET', '/api/v1/stats') : ownStats(recent);
  const entries = (counts) => Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1]);
  return [
    h('h1', {}, 'Overview'),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'total-title' },
        h('h2', { id: 'total-title' }, 'Threats'),
        h('p', { class: 'big', id: 'threat-total' }, numbers.format(stats.threats)),
        h('p', { class: 'muted' }, stats.requests === null
          ? `${numbers.format(stats.blocked)} blocked · your own threats`
          : `${numbers.format(stats.blocked)} blocked · ${numbers.format(stats.requests)} requests analysed`)),
      familyChart(recent.items),
      barList('By severity', entries(stats.by_severity), 'sev-title'),
      barList('Blocked, monitored, allowed', entries(stats.by_action), 'action-title'),
      barList('Top sources', (stats.top_sources ?? []).map((s) => [s.source_ip, s.threats]), 'sources-title'),
      barList('Top rules', (stats.top_rules ?? []).map((r) => [r.rule_id, r.hits]), 'rules-title')),
  ];
}

// ---- Threats -----------------------------------------------------------------------------------------------

const FILTERS = ['type', 'severity', 'action', 'review', 'q'];

async function threatsView(params) {
  const query = new URLSearchParams({ page_size: '50' });
  for (const name of [...FILTERS, 'cursor']) if (params.get(name)) query.set(name, params.get(name));
  const result = await api('GET', `/api/v1/threats?${query}`);
  const select = (name, label, values) => h('label', {}, label, h('select', { name }, h('option', { value: '' }, 'Any'),
    values.map((v) => h('option', { value: v, selected: v === params.get(name) }, v))));
  const filters = h('form', { class: 'row', 'aria-label': 'Filter threats' },
    select('type', 'Family', ['sql_injection', 'xss', 'command_injection', 'code_injection', 'path_traversal', 'ldap_injection', 'xpath_injection',
      'nosql_injection', 'ssti', 'ssi_injection', 'xxe', 'ssrf', 'rfi', 'open_redirect', 'crlf_injection', 'mail_injection', 'prototype_pollution']),
    select('severity', 'Severity', ['low', 'medium', 'high', 'critical']),
    select('action', 'Action', ['BLOCK_IMMEDIATE', 'BLOCK_WITH_LOG', 'MONITOR_ONLY', 'ALLOW_WITH_WARNING', 'ALLOW']),
    select('review', 'Review', ['unreviewed', 'true_positive', 'false_positive']),
    field('Evidence contains', { name: 'q', type: 'search', value: params.get('q') ?? '' }),
    h('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (filters[name].value) next.set(name, filters[name].value);
    location.hash = `#/threats?${next}`;
  });
  const rest = new URLSearchParams(params);
  rest.delete('cursor');
  return [
    h('h1', {}, 'Threats'), filters,
    h('p', { role: 'status' }, h('button', { type: 'button', id: 'new-threats', class: 'plain', hidden: true, onclick: () => route() }, 'New threats: show them')),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'muted' }, `${numbers.format(result.total)} matching`),
      h('thead', {}, h('tr', {}, ['Detected', 'Family', 'Severity', 'Action', 'Confidence', 'Times', 'Source', 'Review'].map((c) => h('th', { scope: 'col', class: c === 'Confidence' || c === 'Times' ? 'num' : '' }, c)))),
      h('tbody', { id: 'threat-rows' }, result.items.map((t) => h('tr', {},
        h('td', {}, h('a', { href: `#/threat/${t.id}` }, dates.format(new Date(t.detected_at)))),
        h('td', {}, t.category), h('td', {}, t.severity), h('td', {}, t.action),
        h('td', { class: 'num' }, percent.format(t.confidence)), h('td', { class: 'num' }, numbers.format(t.occurrences ?? 1)),
        h('td', {}, t.source_ip ?? '—'), h('td', {}, t.review_state)))))),
    h('p', { class: 'actions' },
      params.get('cursor') && h('a', { href: `#/threats?${rest}` }, 'Newest'),
      result.next_cursor && h('a', { href: `#/threats?${new URLSearchParams({ ...Object.fromEntries(rest), cursor: result.next_cursor })}` }, 'Older')),
  ];
}

/** The text with each [start, start+length) span wrapped in a mark element. */
function highlighted(text, spans) {
  const sorted = [...spans].filter((s) => s.length > 0).sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), h('mark', { title: s.rule_id }, text.slice(s.start, s.start + s.length)));
    at = s.start + s.length;
  }
  parts.push(text.slice(at));
  return h('pre', { class: 'input' }, parts);
}

async function threatView(id) {
  const t = await api('GET', `/api/v1/threats/${encodeURIComponent(id)}`);
  const feedback = isAnalyst() ? await api('GET', `/api/v1/threats/${encodeURIComponent(id)}/feedback`) : null;
  const rows = [['Detected', dates.format(new Date(t.detected_at))], ['Family', t.category], ['Severity', t.severity],
    ['Action', t.action], ['Confidence', percent.format(t.confidence)], ['Risk score', numbers.format(t.risk_score)],
    ['Needs review', t.requires_human_review ? 'yes' : 'no'], ['Source', t.source_ip ?? '—'], ['Locations', (t.locations ?? []).join(', ') || '—'],
    ['Input length', numbers.format(t.input_length)], ['Input SHA-256', t.input_sha256],
    // Repeats of this attack from this source within the aggregation window are counted on this one threat.
    ['Occurrences', numbers.format(t.occurrences ?? 1)], ['First seen', dates.format(new Date(t.first_seen ?? t.detected_at))],
    ['Last seen', dates.format(new Date(t.last_seen ?? t.detected_at))]];
  return [
    h('h1', {}, 'Threat'),
    h('p', {}, h('a', { href: '#/threats' }, 'Back to threats')),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'facts-title' }, h('h2', { id: 'facts-title' }, 'Facts'),
        h('table', { class: 'facts' }, h('tbody', {},
          rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))),
          h('tr', {}, h('th', { scope: 'row' }, 'Review'), h('td', {}, h('span', { id: 'review-state' }, t.review_state),
            t.reviewed_at ? ` · ${dates.format(new Date(t.reviewed_at))}` : null))))),
      h('section', { class: 'card', 'aria-labelledby': 'evidence-title' }, h('h2', { id: 'evidence-title' }, 'Findings'),
        // The findings show the matched spans, each marked, with where it was found (the whole input, when kept, is a card of its own).
        (t.findings ?? []).map((f) => h('div', { class: 'finding' },
          h('p', {}, isAnalyst() ? h('a', { href: `#/rules/${encodeURIComponent(f.rule_id)}`, class: 'rule' }, f.rule_id) : h('span', { class: 'rule' }, f.rule_id),
            ` · ${f.family} · ${f.location ?? 'input'}`, ` · ${f.view ?? 'raw'} @ ${numbers.format(f.start)} · ${percent.format(f.confidence)}`),
          highlighted(f.evidence, [{ start: 0, length: f.evidence.length, rule_id: f.rule_id }]),
          f.reason ? h('p', { class: 'muted' }, f.reason) : null))),
      feedback && feedbackCard(t, feedback),
      isAnalyst() && t.input_stored ? storedInputCard(t) : null),
  ];
}

/** The whole input, kept encrypted (Threats:StoreInput); fetched only on request, since every read is audited. */
function storedInputCard(threat) {
  const status = h('p', { role: 'status', 'aria-live': 'polite', id: 'stored-input-status' });
  const body = h('div', { id: 'stored-input' });
  const show = async () => {
    try {
      const stored = await api('GET', `/api/v1/threats/${encodeURIComponent(threat.id)}/input`);
      status.textContent = `${stored.content_type ?? 'input'}${stored.input_encoding === 'base64' ? ' (base64: not UTF-8)' : ''}`;
      body.replaceChildren(h('pre', { class: 'input' }, stored.input));
    } catch (e) { status.textContent = problemText(e); }
  };
  return h('section', { class: 'card', 'aria-labelledby': 'stored-input-title' }, h('h2', { id: 'stored-input-title' }, 'Full input'),
    h('p', { class: 'muted' }, 'The whole input is kept encrypted. Reading it is recorded in the audit log under your name.'),
    h('p', { class: 'actions' }, h('button', { type: 'button', id: 'show-input', onclick: show }, 'Show full input')),
    status, body);
}

/** The analysts' verdicts on a threat and the form to give (or replace) one's own. */
function feedbackCard(threat, feedback) {
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const comment = h('textarea', { name: 'comment', maxlength: '1000', rows: '2', spellcheck: 'true' });
  const send = (verdict) => async () => {
    try {
      await api('POST', `/api/v1/threats/${encodeURIComponent(threat.id)}/feedback`, { verdict, comment: comment.value || null });
      await route();
      main.querySelector('#feedback-status')?.replaceChildren(`Marked ${VERDICTS[verdict].toLowerCase()}.`);
    } catch (e) { status.textContent = problemText(e); }
  };
  status.id = 'feedback-status';
  return h('section', { class: 'card', 'aria-labelledby': 'feedback-title' }, h('h2', { id: 'feedback-title' }, 'Review'),
    h('p', { class: 'muted' }, 'Each analyst gives one verdict; a second replaces the first. The verdict re-weights every rule that matched.'),
    h('label', {}, 'Comment (optional)', comment),
    h('p', { class: 'actions' },
      h('button', { type: 'button', onclick: send('true_positive') }, 'Mark true positive'),
      h('button', { type: 'button', onclick: send('false_positive') }, 'Mark false positive')),
    status,
    feedback.length === 0 ? h('p', { class: 'muted' }, 'No verdicts yet.') :
      h('ul', { class: 'feedback', id: 'feedback-list' }, feedback.map((f) => h('li', {},
        h('strong', {}, VERDICTS[f.verdict] ?? f.verdict), ` · ${f.analyst_id} · ${dates.format(new Date(f.submitted_at))}`,
        f.comment ? h('p', { class: 'comment' }, f.comment) : null))));
}

// ---- Rules -------------------------------------------------------------------------------------------------

async function rulesView(selected) {
  const rules = await api('GET', '/api/v1/detection/rules');
  const status = h('p', { role: 'status', 'aria-live': 'polite', id: 'rules-status' });
  const reset = (rule) => {
    // Confirmation in the page rather than window.confirm, so it is styled, announced and keyboard reachable.
    const cell = h('td', { class: 'actions' });
    const ask = h('button', { type: 'button', class: 'plain', 'aria-label': `Reset ${rule.id}`, onclick: () => {
      const confirm = h('button', { type: 'button', 'aria-label': `Confirm reset of ${rule.id}`, onclick: async () => {
        try {
          await api('POST', `/api/v1/detection/rules/${encodeURIComponent(rule.id)}/reset`);
          await route();
          main.querySelector('#rules-status')?.replaceChildren(`${rule.id} is back at its base weight.`);
        } catch (e) { status.textContent = problemText(e); }
      } }, 'Confirm reset');
      cell.replaceChildren(confirm, h('button', { type: 'button', class: 'plain', onclick: () => { cell.replaceChildren(ask); ask.focus(); } }, 'Cancel'));
      confirm.focus();
    } }, 'Reset');
    cell.append(ask);
    return cell;
  };
  const columns = ['Rule', 'Family', 'Base', 'Effective', 'Floor – ceiling', 'True pos.', 'False pos.', 'Last change'];
  // Filtering is in the page: the catalogue is a few hundred rows, read whole, and a filter should not lose the place.
  const tuned = (r) => r.effective_weight !== r.base_weight || r.true_positives > 0 || r.false_positives > 0;
  const caption = h('caption', { class: 'muted' });
  const familySelect = h('select', { name: 'family' }, h('option', { value: '' }, 'Any'),
    [...new Set(rules.map((r) => r.family))].sort().map((f) => h('option', { value: f }, f)));
  const tunedOnly = h('input', { type: 'checkbox', name: 'tuned' });
  const applyFilter = () => {
    let shown = 0;
    for (const row of main.querySelectorAll('#rule-rows tr')) {
      const rule = rules.find((r) => r.id === row.dataset.rule);
      row.hidden = (familySelect.value && rule.family !== familySelect.value) || (tunedOnly.checked && !tuned(rule));
      if (!row.hidden) shown++;
    }
    caption.textContent = `${numbers.format(shown)} of ${numbers.format(rules.length)} rules`;
  };
  familySelect.addEventListener('change', applyFilter);
  tunedOnly.addEventListener('change', applyFilter);
  caption.textContent = `${numbers.format(rules.length)} of ${numbers.format(rules.length)} rules`;
  const filters = h('form', { class: 'row', 'aria-label': 'Filter rules', onsubmit: (event) => event.preventDefault() },
    h('label', {}, 'Family', familySelect), h('label', { class: 'check' }, tunedOnly, 'Tuned only'));
  const view = [
    h('h1', {}, 'Rules'),
    h('p', { class: 'muted' }, 'Analysts\u2019 verdicts move a rule\u2019s effective weight between its floor and ceiling.'), filters, status,
    h('div', { class: 'table-wrap' }, h('table', {}, caption,
      h('thead', {}, h('tr', {}, [...columns, isAdmin() ? 'Actions' : null].filter(Boolean)
        .map((c) => h('th', { scope: 'col', class: ['Base', 'Effective', 'True pos.', 'False pos.'].includes(c) ? 'num' : '' }, c)))),
      h('tbody', { id: 'rule-rows' }, rules.map((r) => h('tr', { 'data-rule': r.id, class: r.id === selected ? 'selected' : null },
        h('th', { scope: 'row', id: `rule-${r.id}`, tabindex: '-1', title: r.reason }, r.id),
        h('td', {}, r.family), h('td', { class: 'num' }, weight.format(r.base_weight)),
        h('td', { class: 'num effective' }, weight.format(r.effective_weight)),
        h('td', {}, `${weight.format(r.floor)} – ${weight.format(r.ceiling)}`),
        h('td', { class: 'num tp' }, numbers.format(r.true_positives)), h('td', { class: 'num fp' }, numbers.format(r.false_positives)),
        h('td', {}, r.last_change ? `${weight.format(r.last_change.weight)} · ${dates.format(new Date(r.last_change.at))} · ${r.last_change.by}` : '—'),
        isAdmin() ? reset(r) : null))))),
  ];
  return view;
}

// ---- Analyze -----------------------------------------------------------------------------------------------

function findingsTable(findings, located) {
  const columns = located ? ['Location', 'Rule', 'Family', 'Where', 'Evidence', 'Reason'] : ['Rule', 'Family', 'Where', 'Evidence', 'Reason'];
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, findings.map((f) => h('tr', {}, located ? h('td', {}, f.location, f.excluded_by ? ` (excluded: ${f.excluded_by})` : '') : null,
      h('td', {}, f.rule_id), h('td', {}, f.category ?? f.type),
      h('td', {}, `${f.view} @ ${numbers.format(f.start)}`), h('td', {}, f.evidence), h('td', {}, f.reason))))));
}

function recommendationsList(recommendations) {
  if (!recommendations?.length) return null;
  return h('section', { 'aria-labelledby': 'rec-title' }, h('h3', { id: 'rec-title' }, 'Recommendations'),
    h('ul', { id: 'recommendations' }, recommendations.map((r) => h('li', {},
      h('strong', {}, r.family), ` — ${r.advice} `, h('a', { href: r.reference, rel: 'noreferrer noopener', target: '_blank' }, 'OWASP cheat sheet')))));
}

const SAMPLE_REQUEST = 'GET /search?q=hello HTTP/1.1\nHost: shop.example\nUser-Agent: curl/8\n\n';

function analyzeView(params) {
  const mode = params.get('mode') === 'request' ? 'request' : 'input';
  const result = h('div', { id: 'analyze-result', 'aria-live': 'polite' });
  const modes = h('p', { class: 'actions' }, h('a', { href: '#/analyze', 'aria-current': mode === 'input' ? 'page' : null }, 'One input'),
    ' · ', h('a', { href: '#/analyze?mode=request', 'aria-current': mode === 'request' ? 'page' : null }, 'Whole HTTP request'));
  const form = mode === 'input'
    ? h('form', { class: 'stack wide', 'aria-labelledby': 'analyze-title' },
      h('label', {}, 'Input to analyse', h('textarea', { name: 'input', required: true, spellcheck: 'false' })),
      h('label', {}, 'Depth', h('select', { name: 'depth' }, ['standard', 'basic', 'deep'].map((d) => h('option', { value: d }, d)))),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'recommendations' }), 'Include recommendations'),
      h('button', { type: 'submit' }, 'Analyse'))
    : h('form', { class: 'stack wide', 'aria-labelledby': 'analyze-title' },
      h('label', {}, 'HTTP request (request line, headers, blank line, body)', h('textarea', { name: 'request', required: true, spellcheck: 'false', class: 'tall' }, SAMPLE_REQUEST)),
      h('button', { type: 'submit' }, 'Inspect'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.replaceChildren(h('p', { class: 'muted' }, 'Analysing…'));
    try {
      if (mode === 'input') {
        const input = form.input.value;
        const r = await api('POST', '/api/v2/analyze', { input, analysis_depth: form.depth.value, include_recommendations: form.recommendations.checked });
        result.replaceChildren(h('section', { class: 'card' },
          h('h2', {}, r.analysis.threat ? `Threat: ${r.analysis.type}` : 'No threat found'),
          h('p', { id: 'verdict' }, `${r.decision.action} · ${r.analysis.severity} · confidence ${percent.format(r.analysis.confidence)}`),
          r.findings.length ? highlighted(input, r.findings.filter((f) => f.view === 'raw')) : null,
          findingsTable(r.findings, false), recommendationsList(r.recommendations)));
      } else {
        // Sent raw as message/http: the service parses it exactly as a proxy would hand it over.
        const r = await api('POST', '/api/v2/inspect', new RawBody(form.request.value, 'message/http'));
        result.replaceChildren(h('section', { class: 'card' },
          h('h2', {}, r.analysis.threat ? `Threat: ${r.analysis.type}` : 'No threat found'),
          h('p', { id: 'verdict' }, `${r.decision.action} · ${r.analysis.severity} · confidence ${percent.format(r.analysis.confidence)}`),
          h('p', { class: 'muted' }, `${numbers.format(r.values_inspected)} values inspected`),
          r.problems.length ? h('ul', { class: 'problems' }, r.problems.map((p) => h('li', {}, p))) : null,
          findingsTable(r.findings, true)));
      }
    } catch (e) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, problemText(e)));
    }
  });
  return [h('h1', { id: 'analyze-title' }, 'Analyze'), modes, form, result];
}

// ---- Admin -------------------------------------------------------------------------------------------------

const ROLES = ['user', 'analyst', 'admin'];
const SCOPES = ['analyze', 'siem:read'];

async function adminView() {
  const [users, clients] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/clients')]);
  const status = h('p', { role: 'status', 'aria-live': 'polite', id: 'admin-status' });
  // After a change the screen is read again; the message is set on the new screen so it is not lost with the old one.
  const done = async (message, region = '#admin-status') => {
    await route();
    main.querySelector(region)?.replaceChildren(message);
  };
  const act = (user, verb, label) => h('button', { type: 'button', class: 'plain', 'aria-label': `${label} ${user.username}`, onclick: async () => {
    try {
      await api('POST', `/api/v1/users/${user.id}/${verb}`);
      await done(`${label}: ${user.username} done.`);
    } catch (e) { status.textContent = problemText(e); }
  } }, label);
  const roleSelect = (user) => {
    const select = h('select', { 'aria-label': `Role of ${user.username}`, disabled: user.id === session.me.id },
      ROLES.map((r) => h('option', { value: r, selected: r === user.role }, r)));
    // A button commits the change: arrow keys on a closed select fire 'change' on every step in some browsers.
    const apply = h('button', { type: 'button', class: 'plain', 'aria-label': `Change role of ${user.username}`, hidden: user.id === session.me.id, onclick: async () => {
      try {
        await api('PUT', `/api/v1/users/${user.id}/role`, { role: select.value });
        await done(`${user.username} is now ${select.value}; their sessions ended.`);
      } catch (e) { status.textContent = problemText(e); }
    } }, 'Change');
    return [select, ' ', apply];
  };
  const create = h('form', { class: 'row', 'aria-label': 'Create user' },
    field('User name', { name: 'username', required: true, autocomplete: 'off' }),
    field('Initial password', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' }),
    h('label', {}, 'Role', h('select', { name: 'role' }, ROLES.map((r) => h('option', { value: r }, r)))),
    h('button', { type: 'submit' }, 'Create user'));
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/api/v1/users', { username: create.username.value, password: create.password.value, role: create.role.value });
      await done(`${create.username.value} created.`);
    } catch (e) { status.textContent = problemText(e); }
  });
  return [
    h('h1', {}, 'Admin'),
    h('p', {}, h('a', { href: '#/audit' }, 'Audit log'), ' · ', h('a', { href: '#/sessions' }, 'Sessions')),
    h('h2', { id: 'users-title' }, 'Users'), create, status,
    h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': 'users-title' },
      h('thead', {}, h('tr', {}, ['User', 'Role', 'State', 'MFA', 'Last sign-in', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, users.map((u) => h('tr', { 'data-user': u.username },
        h('td', {}, u.username), h('td', { class: 'role' }, roleSelect(u)),
        h('td', { class: 'state' }, u.disabled ? 'disabled' : u.locked ? 'locked' : 'active'),
        h('td', {}, u.mfa_enabled ? 'on' : 'off'),
        h('td', {}, u.last_login_at ? dates.format(new Date(u.last_login_at)) : '—'),
        h('td', { class: 'actions' },
          u.locked && act(u, 'unlock', 'Unlock'),
          u.disabled ? act(u, 'enable', 'Enable') : act(u, 'disable', 'Disable'),
          u.mfa_enabled && act(u, 'mfa/reset', 'Reset MFA'))))))),
    clientsSection(clients, done),
  ];
}

/** Machine clients: a new or rotated secret is shown once, in a region that is announced and never stored. */
function clientsSection(clients, done) {
  const status = h('div', { role: 'status', 'aria-live': 'polite', id: 'client-secret' });
  const create = h('form', { class: 'row', 'aria-label': 'Create machine client' },
    field('Client name', { name: 'name', required: true, autocomplete: 'off' }),
    h('fieldset', { class: 'scopes' }, h('legend', {}, 'Scopes'),
      SCOPES.map((scope) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scope', value: scope, checked: scope === 'analyze' }), scope))),
    field('Own quota per second (optional)', { name: 'quota', type: 'number', min: '1', max: '1000000', step: '1', inputmode: 'numeric' }),
    h('button', { type: 'submit' }, 'Create client'));
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const scopes = [...create.querySelectorAll('input[name="scope"]:checked')].map((i) => i.value);
    try {
      const quota = create.quota.value === '' ? null : Number(create.quota.value);
      const created = await api('POST', '/api/v1/clients', { name: create.name.value, scopes, requests_per_second: quota });
      await done(`Client ${created.client.name} created.`, '#clients-status');
      clientsSecret(created, 'Created');
    } catch (e) { status.replaceChildren(h('p', { class: 'error' }, problemText(e))); }
  });
  const clientAct = (client, label, run) => h('button', { type: 'button', class: 'plain', 'aria-label': `${label} ${client.name}`, onclick: async () => {
    try { await run(); } catch (e) { status.replaceChildren(h('p', { class: 'error' }, problemText(e))); }
  } }, label);
  return h('section', { class: 'section', 'aria-labelledby': 'clients-title' },
    h('h2', { id: 'clients-title' }, 'Machine clients'), create, h('p', { role: 'status', 'aria-live': 'polite', id: 'clients-status' }), status,
    clients.length === 0 ? h('p', { class: 'muted' }, 'No machine clients yet.') :
      h('div', { class: 'table-wrap' }, h('table', { 'aria-labelledby': 'clients-title' },
        h('thead', {}, h('tr', {}, ['Name', 'Client id', 'Scopes', 'Quota', 'Created', 'Secret rotated', 'State', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, clients.map((c) => h('tr', { 'data-client': c.name },
          h('td', {}, c.name), h('td', {}, h('code', {}, c.client_id)), h('td', {}, c.scopes.join(', ')),
          h('td', { class: 'quota' }, c.requests_per_second == null ? 'service-wide' : `${numbers.format(c.requests_per_second)}/s`),
          h('td', {}, dates.format(new Date(c.created_at))), h('td', {}, dates.format(new Date(c.secret_rotated_at))),
          h('td', { class: 'state' }, c.revoked ? 'revoked' : 'active'),
          h('td', { class: 'actions' }, c.revoked ? null : [
            clientAct(c, 'Rotate secret', async () => {
              const rotated = await api('POST', `/api/v1/clients/${c.id}/secret`);
              await done(`Secret of ${c.name} rotated.`, '#clients-status');
              clientsSecret(rotated, 'New secret');
            }),
            quotaForm(c),
            clientAct(c, 'Revoke', async () => {
              await api('DELETE', `/api/v1/clients/${c.id}`);
              await done(`${c.name} revoked.`, '#clients-status');
            })])))))));

  // The client's own quota; emptied, the client returns to the service-wide one.
  function quotaForm(client) {
    const form = h('form', { class: 'inline', 'aria-label': `Quota of ${client.name}` },
      h('input', { name: 'quota', type: 'number', min: '1', max: '1000000', step: '1', inputmode: 'numeric', value: client.requests_per_second ?? '',
        placeholder: 'service-wide', 'aria-label': `Quota of ${client.name}, requests per second` }),
      h('button', { type: 'submit', class: 'plain' }, 'Set quota'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const quota = form.quota.value === '' ? null : Number(form.quota.value);
        await api('PUT', `/api/v1/clients/${client.id}/quota`, { requests_per_second: quota });
        await done(`Quota of ${client.name} set to ${quota == null ? 'the service-wide one' : `${numbers.format(quota)} a second`}.`, '#clients-status');
      } catch (e) { status.replaceChildren(h('p', { class: 'error' }, problemText(e))); }
    });
    return form;
  }

  // Called after the screen was read again: the secret goes into the new screen's region, never into storage.
  function clientsSecret(withSecret, what) {
    const region = main.querySelector('#client-secret') ?? status;
    region.replaceChildren(h('div', { class: 'card notice' },
      h('p', {}, `${what} for ${withSecret.client.name} (client id `, h('code', {}, withSecret.client.client_id),
        '). Copy the secret now: it is not shown again.'), h('code', { class: 'secret', id: 'shown-secret' }, withSecret.client_secret)));
  }
}

// ---- Audit -------------------------------------------------------------------------------------------------

const AUDIT_FILTERS = ['event_type', 'actor', 'outcome', 'from', 'to'];

async function auditView(params) {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query = new URLSearchParams({ page: String(page), page_size: '50' });
  for (const name of AUDIT_FILTERS) {
    const value = params.get(name);
    // The date inputs give a local calendar day; the API wants UTC instants.
    if (value) query.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
  }
  const result = await api('GET', `/api/v1/audit?${query}`);
  const filters = h('form', { class: 'row', 'aria-label': 'Filter audit events' },
    field('Event type', { name: 'event_type', value: params.get('event_type') ?? '', autocomplete: 'off' }),
    field('Actor', { name: 'actor', value: params.get('actor') ?? '', autocomplete: 'off' }),
    h('label', {}, 'Outcome', h('select', { name: 'outcome' }, h('option', { value: '' }, 'Any'),
      ['Success', 'Failure'].map((o) => h('option', { value: o, selected: o === params.get('outcome') }, o)))),
    field('From', { name: 'from', type: 'datetime-local', value: params.get('from') ?? '' }),
    field('To', { name: 'to', type: 'datetime-local', value: params.get('to') ?? '' }),
    h('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of AUDIT_FILTERS) if (filters[name].value) next.set(name, filters[name].value);
    location.hash = `#/audit?${next}`;
  });
  const at = (p) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `#/audit?${next}`;
  };
  const pages = Math.max(1, Math.ceil(result.total / result.page_size));
  return [
    h('h1', {}, 'Audit log'),
    h('p', {}, h('a', { href: '#/admin' }, 'Back to admin')), filters,
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'muted' }, `${numbers.format(result.total)} matching · page ${numbers.format(page)} of ${numbers.format(pages)}`),
      h('thead', {}, h('tr', {}, ['When', 'Event', 'Actor', 'Outcome', 'IP', 'Details'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', { id: 'audit-rows' }, result.items.map((e) => h('tr', {},
        h('td', {}, dates.format(new Date(e.occurred_at))), h('td', {}, e.event_type), h('td', {}, e.actor ?? '—'),
        h('td', {}, e.outcome), h('td', {}, e.ip_address ?? '—'), h('td', { class: 'details' }, e.details ?? '')))))),
    h('p', { class: 'actions' },
      page > 1 && h('a', { href: at(page - 1) }, 'Newer'),
      page < pages && h('a', { href: at(page + 1) }, 'Older')),
  ];
}

// ---- Sessions ----------------------------------------------------------------------------------------------

const SESSION_COLUMNS = ['User', 'Started', 'Last used', 'Expires', 'IP', 'User agent', 'Actions'];

async function sessionsView(params) {
  const query = new URLSearchParams({ page_size: '50' });
  for (const name of ['user', 'cursor']) if (params.get(name)) query.set(name, params.get(name));
  const result = await api('GET', `/api/v1/sessions?${query}`);
  const status = h('p', { role: 'status', 'aria-live': 'polite', id: 'sessions-status' });
  const filters = h('form', { class: 'row', 'aria-label': 'Filter sessions' },
    field('User name or id', { name: 'user', type: 'search', value: params.get('user') ?? '', autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Apply'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = filters.user.value ? `#/sessions?${new URLSearchParams({ user: filters.user.value })}` : '#/sessions';
  });
  const end = (s) => {
    // Confirmed in the page, as rule resets are: styled, announced and reachable by keyboard.
    const cell = h('td', { class: 'actions', 'data-label': 'Actions' });
    const who = s.current ? 'your current session (you will be signed out)' : `the session of ${s.username}`;
    const ask = h('button', { type: 'button', class: 'plain', 'aria-label': `End session of ${s.username}${s.current ? ' (this session)' : ''}`, onclick: () => {
      const confirm = h('button', { type: 'button', 'aria-label': `Confirm: end ${who}`, onclick: async () => {
        try {
          await api('DELETE', `/api/v1/sessions/${s.id}`);
          if (s.current) {
            forget();
            location.hash = '#/signin';
            route();
            return;
          }
          await route();
          main.querySelector('#sessions-status')?.replaceChildren(`Session of ${s.username} ended.`);
        } catch (e) { status.textContent = problemText(e); }
      } }, 'Confirm end');
      cell.replaceChildren(confirm, h('button', { type: 'button', class: 'plain', onclick: () => { cell.replaceChildren(ask); ask.focus(); } }, 'Cancel'));
      confirm.focus();
    } }, 'End session');
    cell.append(ask);
    return cell;
  };
  const rest = new URLSearchParams(params);
  rest.delete('cursor');
  return [
    h('h1', {}, 'Sessions'),
    h('p', {}, h('a', { href: '#/admin' }, 'Back to admin')), filters, status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'sessions-table', class: 'cards' },
      h('caption', { class: 'muted' }, `${numbers.format(result.total)} active`),
      h('thead', {}, h('tr', {}, SESSION_COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', { id: 'session-rows' }, result.items.map((s) => h('tr', { 'data-session': s.id, 'data-user': s.username },
        // data-label names the column when a narrow screen shows each row as a card (app.css).
        h('td', { 'data-label': 'User' }, h('span', {}, s.username, s.current && [' ', h('strong', { class: 'this-session' }, '(this session)')])),
        h('td', { 'data-label': 'Started' }, dates.format(new Date(s.created_at))),
        h('td', { 'data-label': 'Last used' }, dates.format(new Date(s.last_used_at))),
        h('td', { 'data-label': 'Expires' }, dates.format(new Date(s.expires_at))),
        h('td', { 'data-label': 'IP' }, s.ip_address ?? '—'),
        h('td', { 'data-label': 'User agent', class: 'details' }, s.user_agent ?? '—'), end(s)))))),
    ...(result.items.length === 0 ? [h('p', { class: 'muted' }, 'No active sessions match.')] : []),
    h('p', { class: 'actions' },
      params.get('cursor') && h('a', { href: `#/sessions?${rest}` }, 'Newest'),
      result.next_cursor && h('a', { href: `#/sessions?${new URLSearchParams({ ...Object.fromEntries(rest), cursor: result.next_cursor })}` }, 'Older')),
  ];
}

// ---- Routing -----------------------------------------------------------------------------------------------

function show(nodes) {
  main.replaceChildren(...[nodes].flat());
}

let routing = 0;
async function route() {
  const ticket = ++routing;
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  if (!session.access || !session.me) {
    // The MFA and password steps are part of signing in: only a signed-in screen is replaced by the sign-in form.
    if (!main.querySelector('form[data-auth]')) show(signInView());
    return;
  }
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === `#/${path.split('/')[0]}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    const [section, id] = path.split('/');
    const view = section === 'threats' ? await threatsView(params)
      : section === 'threat' ? await threatView(id)
      : section === 'rules' ? await rulesView(id && decodeURIComponent(id))
      : section === 'analyze' ? analyzeView(params)
      : section === 'admin' ? await adminView()
      : section === 'audit' ? await auditView(params)
      : section === 'sessions' ? await sessionsView(params)
      : await overviewView();
    if (ticket !== routing) return;
    show(view);
    // A rule linked from a finding is brought into view and focused, so keyboard and screen reader land on it.
    if (section === 'rules' && id) main.querySelector('tr.selected th')?.focus();
    document.title = `${main.querySelector('h1')?.textContent ?? ''} · InfiniteSecurity`;
  } catch (e) {
    if (ticket === routing) show([h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, problemText(e))]);
  }
}

// A new threat redraws the overview; the table instead offers a button, so that a half-set filter or the reader's
// place is never swept away under them. Other screens are left alone.
liveListeners.add(() => {
  const section = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (section === '' || section === 'overview') route();
  else if (section === 'threats') main.querySelector('#new-threats')?.removeAttribute('hidden');
});

window.addEventListener('hashchange', () => {
  route();
  main.focus();
});
route();
