// Opens the devnet's network view in headless Chromium (Debian's, /usr/bin/chromium) and prints what the page
// shows as one JSON object on stdout, for the Java tests to compare with the ledger's JSON-RPC.
//   node network-snapshot.js URL [--wait-settled] [--wait-audited] [--screenshot FILE]
// --wait-settled waits until the epochs table lists a settled epoch; --wait-audited until a verdict is shown.
'use strict';
const { until, run } = require('./page');

const args = process.argv.slice(2);
const option = name => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : null);

run(args[0], { width: 1280, height: 900 }, async page => {
  if (args.includes('--wait-settled')) {
    await until(page, () => [...document.querySelectorAll('#epochs tbody tr td:nth-child(2)')]
      .some(td => td.textContent === 'yes'), null, 240000);
  }
  if (args.includes('--wait-audited')) {
    await until(page, () => /^[1-9][0-9]* verdicts/.test(document.getElementById('verdicts').textContent), null,
      240000);
  }
  const screenshot = option('--screenshot');
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  return page.evaluate(() => {
    const rows = sel => [...document.querySelectorAll(sel + ' tbody tr')].map(tr =>
      [...tr.querySelectorAll('td')].map(td => td.textContent));
    return {
      currentEpoch: document.getElementById('current-epoch').textContent,
      auditEpochs: document.getElementById('audit-epochs').textContent,
      verdicts: document.getElementById('verdicts').textContent,
      operators: rows('#operators'),
      verifiers: rows('#verifiers'),
      epochs: rows('#epochs'),
      problem: document.getElementById('problem').hidden ? '' : document.getElementById('problem').textContent,
      elements: document.querySelectorAll('img, iframe, object, script:not([src]), td *').length,
      pwned: window.pwned === undefined ? null : String(window.pwned),
    };
  });
});
