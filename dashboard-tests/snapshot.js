// Opens the operator's dashboard in headless Chromium (Debian's, /usr/bin/chromium) and prints what the page
// shows as one JSON object on stdout, for the Java tests to compare with JSON-RPC and the chain.
//   node snapshot.js URL [--screenshot FILE] [--claim] [--until-claimed] [--wait-bars N]
// --claim presses the claim button and waits for its answer; --until-claimed then waits until the page's
// "claimed" figure shows the claim (the ledger sees claims one confirmation late).
'use strict';
const { until, run } = require('./page');

const args = process.argv.slice(2);
const url = args[0];
const flag = name => args.includes(name);
const option = name => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : null);

async function snapshot(page) {
  return page.evaluate(() => {
    const txt = id => document.getElementById(id).textContent;
    const rows = sel => [...document.querySelectorAll(sel + ' tbody tr')].map(tr =>
      [...tr.querySelectorAll('td')].map(td => td.textContent));
    return {
      account: txt('account'),
      claimable: txt('claimable'),
      cumulative: txt('cumulative'),
      claimed: txt('claimed'),
      claimResult: txt('claim-result'),
      claimEnabled: !document.getElementById('claim').disabled,
      bars: [...document.querySelectorAll('#chart rect.bar')].map(r => ({
        epoch: r.getAttribute('data-epoch'), amount: r.getAttribute('data-amount') })),
      audits: rows('#audits'),
      reputation: document.getElementById('reputation').textContent,
      shards: rows('#shards'),
      disputes: rows('#disputes'),
      attention: [...document.querySelectorAll('#attention li')].map(li => li.textContent),
      problem: document.getElementById('problem').hidden ? '' : txt('problem'),
      currentEpoch: txt('current-epoch'),
      images: document.querySelectorAll('img, script:not([src]), iframe, object').length,
      pwned: window.pwned === undefined ? null : String(window.pwned),
      consoleErrors: window.__errors || [],
    };
  });
}

run(url, { width: 1280, height: 1100 }, async page => {
  const bars = Number(option('--wait-bars') || 0);
  if (bars > 0) {
    await until(page, n => document.querySelectorAll('#chart rect.bar').length >= n, bars, 120000);
  }
  if (flag('--claim')) {
    await page.waitForSelector('#claim:not([disabled])', { timeout: 60000 });
    await page.click('#claim');
    await until(page, () => /^(claimed|nothing|claim failed)/.test(
      document.getElementById('claim-result').textContent), null, 120000);
  }
  if (flag('--until-claimed')) {
    await until(page, () => !['0.00', '…', '?'].includes(document.getElementById('claimed').textContent), null,
      120000);
  }
  const screenshot = option('--screenshot');
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  return snapshot(page);
});
