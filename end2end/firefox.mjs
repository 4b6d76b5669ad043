// Hydration in a second engine: Debian's Firefox ESR, driven over WebDriver
// BiDi by puppeteer-core (which downloads nothing). Leptos #4843 (the CSP
// nonce written into the `crossorigin` attribute of the JS and wasm
// preloads) was reported to break hydration in Firefox; Cohorte rewrites
// the attribute, and this check proves the islands hydrate there with the
// page's Content-Security-Policy on.
//
//   node firefox.mjs            (from end2end/, after a build)
//
// Starts its own server (fresh data directory, port 3011), opens the page
// of the password island, waits for hydration, uses the island, and fails
// on any console error, page error or CSP violation.
// COHORTE_BIN, LEPTOS_SITE_ROOT and FIREFOX_PATH override the paths.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const port = process.env.COHORTE_FIREFOX_PORT ?? '3011';
const base = `http://127.0.0.1:${port}`;
const data = mkdtempSync(join(tmpdir(), 'cohorte-firefox.'));
const server = spawn(process.env.COHORTE_BIN ?? '../target/debug/cohorte', ['serve'], {
  env: {
    ...process.env,
    COHORTE_ENV: 'development',
    COHORTE_ADDR: `127.0.0.1:${port}`,
    COHORTE_BASE_URL: base,
    COHORTE_DATA_DIR: data,
    COHORTE_DATABASE_URL: `sqlite://${data}/cohorte.sqlite?mode=rwc`,
    COHORTE_MAIL: 'file',
    LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? '../target/site',
    NO_COLOR: '1',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

let browser;
const problems = [];
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 300 || server.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    // The machine has no network beyond localhost: nothing to update,
    // report or look up.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'intl.accept_languages': 'fr-FR',
    },
  });
  console.log(`firefox: ${await browser.version()}`);
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn' || /Content[- ]Security[- ]Policy/i.test(m.text())) {
      problems.push(`console.${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  const res = await page.goto(`${base}/mot-de-passe-oublie/nouveau?jeton=0`, { waitUntil: 'load' });
  if (res.status() !== 200) throw new Error(`status ${res.status()}`);
  if (!res.headers()['content-security-policy']?.includes("'nonce-")) throw new Error('no nonce CSP on the page');

  // The server renders the show/hide button `hidden`; hydration shows it.
  const toggle = 'button[aria-pressed]';
  await page.waitForFunction((sel) => {
    const b = document.querySelector(sel);
    return b && !b.hasAttribute('hidden');
  }, { timeout: 20_000 }, toggle);
  await page.type('input[type="password"]', 'douze carac.');
  await page.waitForFunction(
    () => document.querySelector('#champ-password-compte')?.textContent === '12 caractères sur 12 minimum',
    { timeout: 5_000 },
  );
  await page.click(toggle);
  await page.waitForFunction(
    (sel) =>
      document.querySelector('#champ-password')?.getAttribute('type') === 'text' &&
      document.querySelector(sel)?.getAttribute('aria-pressed') === 'true',
    { timeout: 5_000 },
    toggle,
  );
  const csp = await page.evaluate(() => window.__csp);
  problems.push(...csp.map((v) => `CSP violation: ${v}`));
  if (problems.length) throw new Error(problems.join('\n'));
  console.log('firefox: the islands hydrate under the CSP (show/hide and count work)');
} catch (e) {
  console.error(`firefox: FAILED\n${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server.kill();
  rmSync(data, { recursive: true, force: true });
}
