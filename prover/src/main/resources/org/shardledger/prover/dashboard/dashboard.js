// The operator's dashboard. Everything shown comes from the node's admin interface (same origin), which reads the
// ledger and the verifiers for it; none of it is trusted: values are checked before use and only ever set as
// text (textContent, attributes), never parsed as markup.
'use strict';

const TOKEN_KEY = 'shardledger.admin.token';
const REFRESH_MS = 3000;
const SVG = 'http://www.w3.org/2000/svg';

function token() {
  const m = /^#token=([0-9a-f]{64})$/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    history.replaceState(null, '', location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let nextId = 1;
async function call(method) {
  const t = token();
  if (!t) {
    throw new Error('no admin token: open the link the node printed (its admin URL with #token=…)');
  }
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + t },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method: method, params: [] }),
  });
  const answer = await response.json();
  if (answer.error) {
    throw new Error(String(answer.error.message));
  }
  return answer.result;
}

// Values -----------------------------------------------------------------------------------------------------

const { quantity, number } = PageValues;
const credits = v => PageValues.credits(v, false);

function bytes(v) {
  const q = quantity(v);
  if (q === null) {
    return '?';
  }
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = Number(q);
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return (u === 0 ? String(n) : n.toFixed(1)) + ' ' + units[u];
}

function text(v) {
  return v === null || v === undefined ? '' : String(v);
}

function list(v) {
  return Array.isArray(v) ? v : [];
}

// The page ---------------------------------------------------------------------------------------------------

function set(id, value) {
  document.getElementById(id).textContent = value;
}

function row(tbody, cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    const cell = c !== null && typeof c === 'object' ? c : { text: c };
    td.textContent = text(cell.text);
    if (typeof cell.className === 'string' && cell.className) {
      td.className = cell.className;
    }
    tr.appendChild(td);
  }
  tbody.appendChild(tr);
  return tr;
}

function body(tableId) {
  const tbody = document.querySelector('#' + tableId + ' tbody');
  tbody.replaceChildren();
  return tbody;
}

function outcomeClass(outcome) {
  return ['PASS', 'FAIL', 'UNREACHABLE'].includes(outcome) ? outcome : '';
}

function chart(payouts) {
  const bars = list(payouts).filter(p => quantity(p.epoch) !== null && quantity(p.amount) !== null).slice(-64);
  const holder = document.getElementById('chart');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 640 220');
  if (bars.length === 0) {
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', '10');
    t.setAttribute('y', '110');
    t.textContent = 'no payouts yet: the first appear once an epoch of your deals is settled';
    svg.appendChild(t);
    holder.replaceChildren(svg);
    return;
  }
  const max = bars.reduce((m, p) => (quantity(p.amount) > m ? quantity(p.amount) : m), 1n);
  const width = 600 / bars.length;
  bars.forEach((p, i) => {
    const amount = quantity(p.amount);
    const h = Number(amount * 160n / max);
    const x = 30 + i * width;
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('x', String(x + width * 0.1));
    rect.setAttribute('y', String(190 - h));
    rect.setAttribute('width', String(width * 0.8));
    rect.setAttribute('height', String(Math.max(h, 1)));
    rect.setAttribute('data-epoch', quantity(p.epoch).toString());
    rect.setAttribute('data-amount', amount.toString());
    const title = document.createElementNS(SVG, 'title');
    title.textContent = 'epoch ' + quantity(p.epoch) + ': ' + credits(p.amount) + ' credits';
    rect.appendChild(title);
    svg.appendChild(rect);
    const value = document.createElementNS(SVG, 'text');
    value.setAttribute('x', String(x + width / 2));
    value.setAttribute('y', String(185 - h));
    value.setAttribute('text-anchor', 'middle');
    value.textContent = credits(p.amount);
    svg.appendChild(value);
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', String(x + width / 2));
    label.setAttribute('y', '208');
    label.setAttribute('text-anchor', 'middle');
    label.textContent = 'e' + quantity(p.epoch);
    svg.appendChild(label);
  });
  holder.replaceChildren(svg);
}

function showEarnings(e) {
  set('account', text(e.account));
  const b = e.balance || {};
  if (b.error) {
    problem('balance: ' + b.error);
  }
  set('claimable', credits(b.claimable));
  set('cumulative', credits(b.cumulative));
  set('claimed', credits(b.claimed));
  set('as-of', number(b.asOfBlock));
  document.getElementById('claim').disabled = !(quantity(b.claimable) > 0n);
  chart((e.payouts || {}).payouts);
  const ep = e.epoch || {};
  set('current-epoch', number(ep.currentEpoch));
  set('settled-epoch', ep.lastSettledEpoch === null ? 'none yet' : number(ep.lastSettledEpoch));
  set('next-epoch', number(ep.nextEpochToSettle));
  set('pending', ep.pending ? text(ep.pending.status) + ' epoch ' + number(ep.pending.epoch) : 'nothing');
}

function showAudits(a) {
  const tbody = body('audits');
  const reputation = document.getElementById('reputation');
  reputation.replaceChildren();
  const failed = [];
  for (const v of list(a.verifiers)) {
    const results = v.results;
    if (!Array.isArray(results)) {
      row(tbody, [v.verifier, '', '', { text: 'no answer', className: 'UNREACHABLE' }, text((results || {}).error),
        '']);
    }
    for (const r of list(results)) {
      row(tbody, [v.verifier, number(r.epoch), number(r.dealId), { text: r.outcome, className:
        outcomeClass(r.outcome) }, r.reason, r.detail]);
      if (r.outcome === 'FAIL') {
        failed.push('verifier ' + text(v.verifier) + ' failed deal ' + number(r.dealId) + ' in epoch '
          + number(r.epoch) + ': ' + text(r.reason));
      }
    }
    reputation.appendChild(reputationOf(v));
  }
  return failed;
}

function reputationOf(v) {
  const div = document.createElement('div');
  const h = document.createElement('h3');
  h.textContent = text(v.verifier);
  div.appendChild(h);
  const r = v.reputation || {};
  const p = document.createElement('p');
  p.textContent = r.error ? 'no answer: ' + text(r.error)
    : 'standing ' + text(r.standing) + ', audit score ' + text(r.auditScore) + ', online score '
      + text(r.onlineScore) + ' (' + number(r.passes) + ' pass, ' + number(r.fails) + ' fail, '
      + number(r.unreachable) + ' unreachable)';
  div.appendChild(p);
  const table = document.createElement('table');
  const head = document.createElement('thead');
  row(head, ['epoch', 'deal', 'outcome', 'reason', 'audit score', 'standing']);
  table.appendChild(head);
  const tbody = document.createElement('tbody');
  for (const c of list(r.changes).slice(0, 10)) {
    row(tbody, [number(c.epoch), number(c.dealId), { text: c.outcome, className: outcomeClass(c.outcome) }, c.reason,
      text(c.auditBefore) + ' → ' + text(c.auditAfter), c.standing]);
  }
  table.appendChild(tbody);
  div.appendChild(table);
  return div;
}

function showNode(n) {
  set('shard-count', number(n.shardCount));
  set('used', bytes(n.usedBytes));
  set('capacity', bytes(n.capacityBytes));
  const shards = body('shards');
  for (const s of list(n.shards)) {
    row(shards, [number(s.dealId), s.root, bytes(s.size), { text: s.corrupt ? 'FAILING' : 'ok',
      className: s.corrupt ? 'FAIL' : '' }]);
  }
  const disputes = body('disputes');
  for (const d of list(n.disputes)) {
    row(disputes, [number(d.disputeId), number(d.dealId), number(d.deadlineBlock), text(d.stage)
      + (d.behind ? ' (behind)' : '')]);
  }
  if (list(n.disputes).length === 0) {
    row(disputes, [{ text: 'none', className: 'quiet' }, '', '', '']);
  }
  const c = n.chain || {};
  set('head', number(c.headBlock));
  set('lag', number(c.lagBlocks));
  const gas = quantity(c.gasBalance);
  set('gas', gas === null ? '?' : credits(c.gasBalance));
  return list(n.attention).map(a => text(a.message));
}

function showAttention(concerns) {
  const ul = document.getElementById('attention');
  ul.replaceChildren();
  for (const c of concerns) {
    const li = document.createElement('li');
    li.className = 'concern';
    li.textContent = c;
    ul.appendChild(li);
  }
  if (concerns.length === 0) {
    const li = document.createElement('li');
    li.className = 'quiet';
    li.textContent = 'nothing: shards, disputes, gas and the chain are all fine';
    ul.appendChild(li);
  }
}

function problem(message) {
  const p = document.getElementById('problem');
  if (message) {
    p.textContent = message;
    p.hidden = false;
  } else {
    p.hidden = true;
  }
}

async function refresh() {
  const problems = [];
  const concerns = [];
  try {
    concerns.push(...showNode(await call('dashboard_node')));
  } catch (e) {
    problems.push('node: ' + e.message);
  }
  try {
    showEarnings(await call('dashboard_earnings'));
  } catch (e) {
    problems.push('earnings: ' + e.message);
  }
  try {
    concerns.push(...showAudits(await call('dashboard_audits')));
  } catch (e) {
    problems.push('audits: ' + e.message);
  }
  showAttention(concerns);
  problem(problems.join('; '));
  set('updated', 'updated ' + new Date().toLocaleTimeString());
  document.body.setAttribute('data-refreshed', String(Date.now()));
}

async function claim() {
  const button = document.getElementById('claim');
  button.disabled = true;
  set('claim-result', 'claiming…');
  try {
    const r = await call('dashboard_claim');
    set('claim-result', r.status === 'CLAIMED' ? 'claimed ' + credits(r.amount) + ' credits in transaction '
      + text(r.transactionHash) : 'nothing to claim');
  } catch (e) {
    set('claim-result', 'claim failed: ' + e.message);
  }
  await refresh();
}

let refreshing = false;
async function loop() {
  if (!refreshing) {
    refreshing = true;
    try {
      await refresh();
    } finally {
      refreshing = false;
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('claim').addEventListener('click', claim);
  loop();
  setInterval(loop, REFRESH_MS);
});
