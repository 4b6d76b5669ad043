// Screenshots of the pages issue 11 changed (or, with PART=review, the
// review pages of issue 12), at 375 px and 1280 px, and whether each
// scrolls sideways (not a test: for looking at them).
//   BASE=http://127.0.0.1:3100 OUT=/tmp/shots [PART=review] node shots.mjs
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
  await form.getByLabel(/^(Adresse e-mail|Email address)$/).fill(email);
  await form.getByLabel(/^(Mot de passe|Password)$/).fill('demo-cohorte-2027');
  await form.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  await page.waitForURL(/espace/);
}
async function shot(page, name, width, full = true) {
  await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: full });
  // SLICES=1: the long phone pages also in pieces of 1400 px, to read.
  if (process.env.SLICES && width < 500) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, k = 0; y < height; y += 1400, k++) {
      await page.screenshot({ path: `${out}/${name}-${width}-part${k}.png`, fullPage: true,
        clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
    }
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(`${name} at ${width}: document ${wide} px wide${wide > width ? ' — SCROLLS SIDEWAYS' : ''}`);
}
// PART=formation: team formation and offers (issue 14), on a fresh demo
// (promotions 3: ready to run, 4: offers out).
if (process.env.PART === 'follow') {
  // PART=follow: the ten months (issue 15), promotion 5 running.
  const P = process.env.PROMO ?? '5';
  for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const lang = async () => { if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]); };
    await lang();
    const page = await ctx.newPage();
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + `/coordination/promotions/${P}/suivi`);
    await shot(page, 'dashboard', width);
    const alert = page.locator('main ul.alerts a').first();
    await page.goto(base + `/coordination/promotions/${P}/frise`);
    await shot(page, 'timeline', width);
    await page.goto(base + `/coordination/promotions/${P}/suivi`);
    if (await alert.count()) {
      await alert.click();
      await page.waitForURL(/jalons/);
      await shot(page, 'report-coordinator', width);
    }
    await ctx.clearCookies(); await lang();
    await signIn(page, 'ines.moreau@encours.demo.cohorte.localhost');
    await page.goto(base + '/espace/propositions');
    await page.locator('main a[href^="/equipes/"]').first().click();
    await page.waitForURL(/equipes/);
    await shot(page, 'team-fellow', width);
    const fill = page.locator('main .callout a').first();
    if (await fill.count()) {
      await fill.click();
      await page.waitForURL(/jalons/);
      await shot(page, 'bulletin-form', width);
    }
    if (!(await fill.count())) {
      await page.locator('h3:has-text("Bulletins") + .table-wrap tbody tr a').first().click();
      await page.waitForURL(/jalons/);
      await shot(page, 'bulletin-form', width);
    }
    await ctx.close();
  }
} else if (process.env.PART === 'plans') {
  // PART=plans: the milestone schedule and a milestone's file (issue 15).
  const P = process.env.PROMO ?? '5';
  for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const lang = async () => { if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]); };
    await lang();
    const page = await ctx.newPage();
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + `/coordination/promotions/${P}/jalons`);
    await shot(page, 'plans', width);
    await page.locator('main tbody tr a').nth(3).click();
    await page.waitForURL(/jalons\/\d+/);
    await shot(page, 'plan-edit', width);
    await page.locator('#champ-ouverture').fill('99');
    await page.locator('main form button[type=submit]').last().click();
    await page.waitForSelector('#champ-ouverture-erreur');
    await shot(page, 'plan-edit-refused', width);
    await ctx.clearCookies(); await lang();
    await signIn(page, 'ines.moreau@encours.demo.cohorte.localhost');
    await page.goto(base + '/espace/propositions');
    await page.locator('main a[href^="/equipes/"]').first().click();
    await page.waitForURL(/equipes/);
    await page.locator('main tr', { hasText: /Fiche indicateurs|Indicators sheet/ }).getByRole('link').first().click();
    await page.waitForURL(/jalons/);
    await shot(page, 'milestone-file', width);
    await ctx.close();
  }
} else if (process.env.PART === 'formation') {
  for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    const page = await ctx.newPage();
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + '/coordination/promotions/4/equipes');
    await shot(page, 'formation', width);
    await page.goto(base + '/coordination/promotions/4/equipes/1');
    await shot(page, 'run', width);
    await page.goto(base + '/coordination/promotions/4/propositions');
    await shot(page, 'offers', width);
    await ctx.clearCookies();
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    await signIn(page, 'tom.girard@propositions.demo.cohorte.localhost');
    await page.goto(base + '/espace/propositions');
    await shot(page, 'my-offers', width);
    await ctx.clearCookies();
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    await signIn(page, 'hugo.lambert@propositions.demo.cohorte.localhost');
    await page.goto(base + '/espace/propositions');
    await shot(page, 'my-placement', width);
    await page.locator('main a[href^="/equipes/"]').first().click();
    await page.waitForURL(/equipes/);
    await shot(page, 'team', width);
    await ctx.close();
  }
} else if (process.env.PART === 'preview') {
  // An override previewed (posted), on promotion 3 after one run.
  for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + '/coordination/promotions/3/equipes');
    if (width === 375) await page.getByRole('button', { name: 'Lancer le moteur' }).click();
    await page.goto(base + '/coordination/promotions/3/equipes/1');
    const form = page.locator('form').filter({ has: page.getByLabel('Motif') });
    await form.getByLabel('Personne').selectOption({ index: 1 });
    await form.getByLabel('Nouvelle place').selectOption({ index: 0 });
    await form.getByRole('button', { name: 'Voir les conséquences' }).click();
    await page.locator('#ajustements').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('ajustements').scrollIntoView());
    await shot(page, 'preview-refused', width, false);
    const again = page.locator('form').filter({ has: page.getByLabel('Motif') });
    await again.getByLabel('Motif').fill('Conflit d\'intérêts déclaré.');
    await again.getByRole('button', { name: 'Voir les conséquences' }).click();
    await page.evaluate(() => document.getElementById('ajustements').scrollIntoView());
    await shot(page, 'preview', width, false);
    await ctx.close();
  }
} else if (process.env.PART === 'hearings') {
  for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    const page = await ctx.newPage();
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + '/coordination/promotions/1/auditions');
    await shot(page, 'hearings-held', width);
    await page.goto(base + '/coordination/promotions/2/auditions');
    await shot(page, 'hearings-to-come', width);
    await ctx.clearCookies();
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    await signIn(page, 'jure.1@jury.demo.cohorte.localhost');
    await page.goto(base + '/jury/auditions/2');
    await shot(page, 'my-hearings', width);
    await page.locator('main a[href^="/jury/auditions/defis/"]').first().click();
    await page.waitForURL(/auditions\/defis/);
    await shot(page, 'defi-sheet', width);
    await page.goto(base + '/jury/auditions/1');
    await shot(page, 'my-hearings-held', width);
    await ctx.close();
  }
} else if (process.env.PART === 'interviews') {
  for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    const page = await ctx.newPage();
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + '/coordination/promotions/1/entretiens');
    await shot(page, 'interviews-overview', width);
    await page.locator('main a[href^="/jury/defis/"]').first().click();
    await page.waitForURL(/jury\/defis/);
    await shot(page, 'jury-met', width);
    await page.locator('main a[href^="/jury/defis/"]').nth(1).click().catch(() => {});
    await page.goto(base + '/coordination/promotions/1/entretiens');
    await page.locator('main a[href^="/jury/defis/"]').nth(2).click();
    await page.waitForURL(/jury\/defis/);
    await shot(page, 'jury-upcoming', width);
    const planning = page.locator('main a[href$="/planning"]');
    if (await planning.count()) {
      await planning.first().click();
      await page.waitForURL(/planning/);
      await shot(page, 'jury-plan', width);
    }
    await ctx.clearCookies();
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    await signIn(page, 'jure.1@jury.demo.cohorte.localhost');
    await page.goto(base + '/espace/entretiens');
    await shot(page, 'my-juries', width);
    await page.locator('main a[href^="/jury/defis/"]').first().click();
    await page.waitForURL(/jury\/defis/);
    const sheet = page.locator('main a[href^="/jury/entretiens/"]');
    if (await sheet.count()) {
      await sheet.first().click();
      await page.waitForURL(/jury\/entretiens/);
      await shot(page, 'interview-sheet', width);
    }
    await ctx.clearCookies();
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    await signIn(page, process.env.CANDIDATE ?? 'sacha.bernard.41@candidats.demo.cohorte.localhost');
    await page.goto(base + '/espace/entretiens');
    await shot(page, 'my-interviews', width);
    await ctx.close();
  }
} else if (process.env.PART === 'review') {
for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
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
    if (process.env.LANG_EN) await ctx.addCookies([{ name: 'cohorte_lang', value: 'en', url: base }]);
    await signIn(page, 'coordination@demo.cohorte.localhost');
    await page.goto(base + '/coordination/promotions/1/preselection');
    await shot(page, 'preselection', width);
    await page.goto(base + '/coordination/promotions/1/preselection/affectation');
    await shot(page, 'assignment', width);
    await page.goto(base + '/coordination/promotions/1/candidatures?tri=normalise&ordre=desc');
    await shot(page, 'dossiers-reviewed', width);
    await page.locator('main tbody tr').first().getByRole('link').first().click();
    await page.waitForURL(/coordination\/candidatures\//);
    await shot(page, 'dossier-reviews', width);
    await page.goto(base + '/coordination/promotions/1/preselection/resultats?premiers=2');
    await shot(page, 'results', width);
    await page.getByRole('button', { name: /Retenir les dossiers cochés|Shortlist the ticked dossiers/ }).click();
    await page.waitForURL(/apercu/);
    await shot(page, 'shortlist-preview', width);
    await ctx.close();
  }
} else {
for (const width of [375, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(base + '/defis');
    await page.locator('main a[href^="/defis/"]').first().click();
    await shot(page, 'defi-sheet', width);
    await signIn(page, 'candidat@demo.cohorte.localhost');
    await shot(page, 'espace-applicant', width);
    await page.goto(base + '/candidature');
    const start = page.getByRole('button', { name: 'Commencer ma candidature' });
    if (await start.count()) await start.click();
    else await page.getByRole('link', { name: 'Ouvrir ma candidature' }).first().click();
    await page.waitForURL(/candidature\/\d+/);
    if (await page.getByRole('button', { name: 'Déposer ma candidature' }).count()) {
      await page.getByLabel('Profil', { exact: true }).selectOption({ label: 'Géomaticien·ne' });
      const ranks = page.locator('#champ-choices select');
      await ranks.nth(0).selectOption('1');
      await ranks.nth(1).selectOption('1');
      await page.getByRole('button', { name: 'Déposer ma candidature' }).click();
      await page.waitForLoadState('networkidle');
      await shot(page, 'dossier-errors', width);
      await page.locator('#champ-choices').scrollIntoViewIfNeeded();
      await shot(page, 'dossier-choices-view', width, false);
      // Then completed and submitted: the read-only view and its timeline.
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
      await page.getByLabel('CV (obligatoire)').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByRole('button', { name: 'Envoyer : CV (obligatoire)' }).click();
      await page.waitForLoadState('networkidle');
      await page.getByLabel("Années d'expérience").selectOption({ label: 'De 5 à 10 ans' });
      await page.getByLabel('Compétences').fill('QGIS, PostGIS, Python');
      await page.getByLabel('Expérience', { exact: true }).fill('Dix ans de cartographie.');
      await page.getByLabel('Motivation').fill('Mettre la donnée géographique au service du public.');
      await page.getByLabel('Téléphone (facultatif)').fill('+33 6 12 34 56 78');
      await page.locator('#champ-choices select').nth(1).selectOption('');
      const forest = page.getByLabel('Rang de « Suivre la santé des forêts par satellite »');
      await page.locator('#champ-choices select').nth(0).selectOption('');
      await forest.selectOption('1');
      await page.getByLabel('Intéressé·e par un rôle').selectOption({ label: 'non' });
      for (const box of ['Je ne serai pas agent·e public·que', 'Je ne serai pas étudiant·e', "Je ne suis pas membre d'un jury", "J'accepte que mes données"]) {
        await page.getByLabel(box).check();
      }
      await page.getByRole('button', { name: 'Déposer ma candidature' }).click();
      await page.waitForLoadState('networkidle');
    }
    await shot(page, 'dossier-submitted', width);
    await ctx.close();
  
    const c = await browser.newContext({ viewport: { width, height: 900 } });
    const p = await c.newPage();
    await signIn(p, 'coordination@demo.cohorte.localhost');
    await p.goto(base + '/coordination/promotions/1/candidatures');
    await shot(p, 'candidatures', width, false);
    await p.goto(base + '/coordination/promotions/1/defis');
    await shot(p, 'defis-table', width, false);
    await p.goto(base + '/coordination/courriels?etat=failed');
    await shot(p, 'outbox-failed', width);
    await p.locator('main table tbody a').first().click();
    await shot(p, 'outbox-message', width);
    await p.goto(base + '/coordination/promotions/1/candidatures');
    await p.locator('main table tbody a[href^="/coordination/candidatures/"]').first().click();
    await p.locator('summary', { hasText: 'Modèles de message' }).first().click();
    await p.getByRole('link', { name: /^Utiliser le modèle/ }).first().click();
    await p.waitForLoadState('networkidle');
    await shot(p, 'review-template', width);
    await c.close();
  
    const h = await browser.newContext({ viewport: { width, height: 900 } });
    const hp = await h.newPage();
    await signIn(hp, 'hote@demo.cohorte.localhost');
    await shot(hp, 'espace-host', width);
    await hp.locator('main a[href^="/organisation/defis/"]').first().click();
    await shot(hp, 'host-defi', width, false);
    await h.close();
  }
}
await browser.close();
