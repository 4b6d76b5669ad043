// Screenshots of the pages issue 9 added, at 375 px and 1280 px (not a test).
import { chromium } from 'playwright-core';
const base = process.env.BASE ?? 'http://127.0.0.1:3100';
const out = process.env.OUT ?? '/tmp/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
async function signIn(page, email) {
  await page.goto(base + '/connexion');
  const form = page.locator('main form').first();
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill('demo-cohorte-2027');
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/espace/);
}
for (const width of [375, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + '/inscription');
  await page.screenshot({ path: `${out}/inscription-${width}.png`, fullPage: true });
  await page.goto(base + '/verification?jeton=0');
  await page.screenshot({ path: `${out}/verification-${width}.png`, fullPage: true });
  await signIn(page, 'coordination@demo.cohorte.localhost');
  await page.goto(base + '/coordination/promotions/1/brouillons');
  await page.screenshot({ path: `${out}/brouillons-${width}.png`, fullPage: true });
  await page.goto(base + '/coordination/promotions/1/candidatures');
  await page.screenshot({ path: `${out}/candidatures-${width}.png`, fullPage: false });
  await page.goto(base + '/coordination/promotions/1');
  await page.screenshot({ path: `${out}/promotion-${width}.png`, fullPage: true });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  console.log(width, 'promotion page scrolls sideways:', sideways);
  await page.goto(base + '/coordination/promotions/1/brouillons');
  console.log(width, 'drafts page scrolls sideways:', await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth));
  await ctx.close();
  const ctx2 = await browser.newContext({ viewport: { width, height: 900 } });
  const p2 = await ctx2.newPage();
  await signIn(p2, 'hote@demo.cohorte.localhost');
  await p2.goto(base + '/organisation');
  const link = p2.locator('main a[href^="/organisation/"]').first();
  await link.click();
  await p2.screenshot({ path: `${out}/organisation-${width}.png`, fullPage: true });
  console.log(width, 'organisation page scrolls sideways:', await p2.evaluate(() => document.documentElement.scrollWidth > window.innerWidth));
  await ctx2.close();
}
await browser.close();
