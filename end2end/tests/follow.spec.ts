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
