// What both page scripts share: Chromium (Debian's, /usr/bin/chromium, or $CHROMIUM) opened headless on a URL
// until the page has refreshed once, the page's errors collected, and one JSON object printed on stdout.
'use strict';
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

// page.waitForFunction evaluates a string in the page, which the pages' content security policy forbids (as it
// should); page.evaluate goes through the debugger protocol, so poll with it.
async function until(page, predicate, arg, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(predicate, arg))) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting for ' + predicate.toString());
    }
    await new Promise(r => setTimeout(r, 300));
  }
}

// Opens url, runs drive(page) and prints its result (with the page's errors as consoleErrors); exits 1 on failure.
function run(url, viewport, drive) {
  (async () => {
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport });
      const errors = [];
      page.on('pageerror', e => errors.push(String(e)));
      page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(url);
      await page.waitForSelector('body[data-refreshed]', { timeout: 30000 });
      const out = await drive(page);
      out.consoleErrors = errors;
      process.stdout.write(JSON.stringify(out) + '\n');
    } finally {
      await browser.close();
    }
  })().catch(e => {
    process.stderr.write(String(e && e.stack || e) + '\n');
    process.exit(1);
  });
}

module.exports = { until, run };
