// Screenshots of the review pages (issue 12), at 375 px and 1280 px, and
// whether each scrolls sideways (not a test: for looking at them).
//   BASE=http://127.0.0.1:3100 OUT=/tmp/shots node shots-review.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
const base = process.env.BASE ?? 'http://127.0.0.1:3100';
const out = process.env.OUT ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
async function signIn(page, email) {
  await page.goto(base + '/connexion');
  const form = page.locator('main form').first();
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill('demo-cohorte-2027');
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/espace/);
}
async function shot(page, name, width, full = true) {
  await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: full });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(`${name} at ${width}: document ${wide} px wide${wide > width ? ' — SCROLLS SIDEWAYS' : ''}`);
}
for (const width of [375, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await signIn(page, 'jure.2@jury.demo.cohorte.localhost');
  await page.goto(base + '/jury');
  await shot(page, 'jury-home', width);
  await page.locator('main a[href^="/jury/dossiers/"]').first().click();
  await page.waitForURL(/jury\/dossiers/);
  await shot(page, 'jury-dossier', width);
  await page.goto(base + '/jury/promotions/1/conflits');
  await shot(page, 'jury-conflicts', width);
  await ctx.clearCookies();
  await signIn(page, 'coordination@demo.cohorte.localhost');
  await page.goto(base + '/coordination/promotions/1/preselection');
  await shot(page, 'preselection', width);
  await page.goto(base + '/coordination/promotions/1/preselection/affectation');
  await shot(page, 'assignment', width);
  await page.goto(base + '/coordination/promotions/1/preselection/resultats?premiers=2');
  await shot(page, 'results', width);
  await page.getByRole('button', { name: 'Retenir les dossiers cochés' }).click();
  await page.waitForURL(/apercu/);
  await shot(page, 'shortlist-preview', width);
  await ctx.close();
}
await browser.close();
