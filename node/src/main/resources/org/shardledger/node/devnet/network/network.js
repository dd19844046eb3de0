// The devnet's network view: asks its own server (network_view) every two seconds and shows the answer. Nothing
// from the network becomes markup: every value is set with textContent; quantities and hashes are checked and
// shown as '?' otherwise.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const { number, credits, hash } = PageValues;

  function text(v) {
    return typeof v === 'string' ? v : '?';
  }
  function fill(table, rows) {
    const body = $(table).querySelector('tbody');
    body.replaceChildren(...rows.map(cells => {
      const tr = document.createElement('tr');
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.appendChild(td);
      }
      return tr;
    }));
  }

  function show(view) {
    const epoch = view.epoch || {};
    $('current-epoch').textContent = number(epoch.currentEpoch);
    $('last-settled').textContent = epoch.lastSettledEpoch === null ? 'none' : number(epoch.lastSettledEpoch);
    $('ledger').textContent = text(view.ledger);
    const problems = [];
    if (epoch.error) {
      problems.push('ledger: ' + text(epoch.error));
    }
    if (view.problem) {
      problems.push(text(view.problem));
    }
    fill('operators', (Array.isArray(view.operators) ? view.operators : []).map(o => {
      const b = o.balance || {};
      return [text(o.address), text(o.region), text(o.endpoint), credits(o.stake, true),
        b.error ? 'unknown: ' + text(b.error) : credits(b.cumulative), b.error ? '' : credits(b.claimed)];
    }));
    const audits = view.audits || {};
    const per = audits.verifiers && typeof audits.verifiers === 'object' ? audits.verifiers : {};
    const outcomes = counts => ['PASS', 'FAIL', 'UNREACHABLE', 'other']
      .map(o => number((counts || {})[o]) + ' ' + o).join(', ');
    if (audits.error) {
      problems.push('audits: ' + text(audits.error));
    }
    $('audit-epochs').textContent = number(audits.fromEpoch) + '-' + number(audits.toEpoch);
    $('verdicts').textContent = audits.error ? 'unknown' : number(audits.audited) + ' verdicts: '
      + outcomes(audits.verdicts);
    fill('verifiers', (Array.isArray(view.verifiers) ? view.verifiers : []).map(v => {
      const a = typeof v.address === 'string' && Object.prototype.hasOwnProperty.call(per, v.address)
        ? per[v.address] : null;
      return [text(v.address), text(v.rpc), a ? number(a.disagreed) : '?', a ? outcomes(a.reported) : '',
        a ? number(a.refused) : '?'];
    }));
    fill('epochs', (Array.isArray(view.epochs) ? view.epochs : []).map(e => {
      const s = e.settlement;
      if (!s) {
        return [number(e.epoch), 'no', '', '', ''];
      }
      if (s.error) {
        return [number(e.epoch), 'unknown: ' + text(s.error), '', '', ''];
      }
      return [number(e.epoch), 'yes', number(s.fromEpoch) + '-' + number(s.epoch), hash(s.payoutRoot),
        s.transactionHash === null ? 'not sent yet' : hash(s.transactionHash)];
    }));
    $('problem').hidden = problems.length === 0;
    $('problem').textContent = problems.join('; ');
  }

  async function refresh() {
    try {
      const r = await fetch('/', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'network_view', params: [] }) });
      const answer = await r.json();
      if (answer.error) {
        throw new Error(text(answer.error.message));
      }
      show(answer.result);
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      $('problem').hidden = false;
      $('problem').textContent = 'cannot read the network view: ' + e.message;
    }
    document.body.setAttribute('data-refreshed', String(Date.now()));
  }

  refresh();
  setInterval(refresh, 2000);
})();
