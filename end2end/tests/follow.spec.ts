// The ten months (issue 15), hydrated and without JavaScript, on the
// demo's running promotion: a fellow fills this week's bulletin (refused
// without a priority, the rest kept), the host's lead files a report "at
// risk", the programme team sees it on the dashboard and replies in its
// thread; the timeline is drawn with its tables. Every page is scanned.

import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, isHydrated, notice, signIn, visit } from './helpers';

const FELLOW = 'ines.moreau@encours.demo.cohorte.localhost';
const TEAM = 'Simplifier les aides au logement';

test('a fellow fills the week’s bulletin', async ({ page }) => {
  await signIn(page, FELLOW, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, '/espace/propositions');
  await page.getByRole('link', { name: 'La page de votre équipe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Équipe du défi');
  await expect(page.locator('main')).toContainText('Suivi des dix mois');
  await expectAccessible(page, 'team page with its follow-up');
  // The latest week's bulletin (filled already in the demo: the last
  // edit wins, the earlier versions stay).
  await page.locator('h3:has-text("Bulletins de la semaine") + .table-wrap tbody tr a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Jalon d'une équipe");
  await expectAccessible(page, 'a bulletin');
  const priority = isHydrated() ? 'Préparer la démo du comité' : 'Écrire la note de passation';
  await page.getByRole('radio', { name: '5 — excellente' }).check();
  await page.getByLabel('Priorité de la semaine').fill('');
  await page.getByLabel('Hauts et bas').fill('Haut : la démo. Bas : le réseau.');
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await expect(page.locator('#champ-priorite-erreur')).toHaveText('Ce champ est à remplir.');
  await expect(page.getByLabel('Priorité de la semaine')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Hauts et bas')).toHaveValue('Haut : la démo. Bas : le réseau.');
  await expect(page.getByRole('radio', { name: '5 — excellente' })).toBeChecked();
  await expectAccessible(page, 'a bulletin refused');
  await page.getByLabel('Priorité de la semaine').fill(priority);
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await expect(notice(page)).toHaveText("C'est enregistré.");
  await expect(page.locator('.version').first()).toContainText(priority);
  await expect(page.locator('.version').first()).toContainText('Inès Moreau');
});

test('a host lead files a report at risk; the programme team sees it and replies', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO.host, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, '/organisation');
  await page.locator('main a[href^="/organisation/"]').first().click();
  await page.getByRole('link', { name: `L'équipe du défi « ${TEAM} » (Démo — promotion en cours) et son suivi` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Équipe du défi');
  await expect(page.locator('main')).not.toContainText('Humeur');
  await page.locator('h3:has-text("Rapports de la structure d\'accueil") + .table-wrap tbody tr a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Jalon d'une équipe");
  const progress = isHydrated() ? 'Le serveur de test est coupé depuis deux semaines.' : 'La convention de données n’est toujours pas signée.';
  await page.getByRole('radio', { name: 'À risque' }).check();
  await page.getByLabel('Avancement').fill(progress);
  await page.getByLabel('Prochaines étapes').fill('Relancer la direction.');
  await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
  await expect(notice(page)).toHaveText("C'est enregistré.");
  await expect(page.locator('.version').first()).toContainText('À risque');
  await expectAccessible(page, 'a report at risk');

  const team = await (await browser.newContext({ javaScriptEnabled: isHydrated(), locale: 'fr-FR' })).newPage();
  await signIn(team, DEMO.coordinator, DEMO_PASSWORD);
  await expect(team).toHaveURL(/\/espace$/);
  await visit(team, '/coordination/promotions');
  await team.getByRole('link', { name: 'Suivi — Démo — promotion en cours' }).click();
  await expect(team.getByRole('heading', { level: 1 })).toHaveText('Suivi de la promotion');
  await expect(team.locator('main ul.alerts')).toContainText(progress);
  await expect(team.locator('main table.grid')).toContainText('Fait');
  await expectAccessible(team, 'dashboard');
  await team.getByRole('link', { name: `Lire le rapport de ${TEAM} et répondre` }).click();
  await expect(team.getByRole('heading', { level: 1 })).toHaveText("Jalon d'une équipe");
  await team.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(team.locator('#fil-reponse-erreur')).toHaveText('Ce champ est à remplir.');
  const reply = isHydrated() ? 'Nous appelons la direction demain matin.' : 'Un point avec la DSI est prévu jeudi.';
  await team.getByLabel('Votre réponse').fill(reply);
  await team.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(notice(team)).toHaveText('Votre réponse est envoyée.');
  await expect(team.locator('ol.thread')).toContainText(reply);
  await expectAccessible(team, 'a report with its thread');
  // The host reads it in the thread.
  await page.reload();
  await expect(page.locator('ol.thread')).toContainText(reply);

  await visit(team, '/coordination/promotions');
  await team.getByRole('link', { name: 'Suivi — Démo — promotion en cours' }).click();
  await team.getByRole('link', { name: 'Frise de la promotion' }).click();
  await expect(team.getByRole('heading', { level: 1 })).toHaveText('Frise de la promotion');
  await expect(team.locator('figure.timeline svg')).toBeVisible();
  await expect(team.locator('main')).toContainText('Les équipes et leurs jalons');
  await expectAccessible(team, 'timeline');
});

test('the programme team changes a milestone of the schedule', async ({ page }) => {
  // Each project changes its own milestone: the two runs stay independent.
  const [title, time] = isHydrated() ? ['Note de continuité à mi-parcours', '16:30'] : ['Liste de fin de défi', '11:30'];
  await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, '/coordination/promotions');
  await page.getByRole('link', { name: 'Suivi — Démo — promotion en cours' }).click();
  await page.getByRole('link', { name: 'Calendrier des jalons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calendrier des jalons');
  await expect(page.locator('main table')).toContainText('chaque vendredi à 15:00');
  await expectAccessible(page, 'milestone schedule');
  await page.getByRole('link', { name: `Modifier « ${title} »` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier un jalon');
  await expectAccessible(page, 'a milestone to change');
  await page.getByLabel('Heure').fill(time);
  await page.getByLabel("S'ouvre combien de jours avant l'échéance").fill('99');
  await page.getByRole('button', { name: 'Enregistrer le jalon' }).click();
  await expect(page.locator('#champ-ouverture-erreur')).toHaveText('Écrivez un nombre de jours de 0 à 60.');
  await expect(page.getByLabel('Heure')).toHaveValue(time);
  await expectAccessible(page, 'a milestone refused');
  await page.getByLabel("S'ouvre combien de jours avant l'échéance").fill('7');
  await page.getByRole('button', { name: 'Enregistrer le jalon' }).click();
  await expect(notice(page)).toHaveText('Le jalon est modifié ; les échéances à venir sans réponse sont replanifiées.');
  await expect(page.locator('main tr', { hasText: title })).toContainText(`à ${time}`);
});

test('a fellow sends the indicators sheet as a PDF', async ({ page }) => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const name = isHydrated() ? 'indicateurs-js.pdf' : 'indicateurs.pdf';
  await signIn(page, FELLOW, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, '/espace/propositions');
  await page.getByRole('link', { name: 'La page de votre équipe' }).click();
  await page.locator('main tr', { hasText: 'Fiche indicateurs' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Jalon d'une équipe");
  await page.getByRole('button', { name: 'Envoyer : Fiche indicateurs en PDF' }).click();
  if (!isHydrated()) {
    // The browser asks for a file first; without one nothing is sent.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Jalon d'une équipe");
  }
  await page.locator('#champ-fiche-fichier').setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>') });
  await page.getByRole('button', { name: 'Envoyer : Fiche indicateurs en PDF' }).click();
  await expect(page.locator('#champ-fiche-fichier-erreur')).toContainText('PDF');
  await expectAccessible(page, 'a milestone file refused');
  await page.locator('#champ-fiche-fichier').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Envoyer : Fiche indicateurs en PDF' }).click();
  await expect(notice(page)).toHaveText('Fichier enregistré.');
  await expect(page.getByRole('link', { name: `Télécharger ${name}` })).toBeVisible();
  await expectAccessible(page, 'a milestone with its file');
});
