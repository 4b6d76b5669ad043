// The défi jury of the call for défis (issue 13), hydrated and without
// JavaScript, on the demo: a juror of the next promotion opens a défi
// they hear from their juror home, is refused a sheet without an opinion
// (the error at its field), submits it, and once every sheet is in, ranks
// the défis heard; the programme team reads the tally, is refused a
// hearing slot in the past, and sees the grid frozen. Every page is
// scanned. The two runs score one défi each (the second one ranks).

import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, isHydrated, notice, signIn, visit } from './helpers';

const JUROR = 'jure.1@jury.demo.cohorte.localhost';
/** The demo's next promotion, whose défi jury is to come. */
const NEXT = 2;

test('a juror scores the défis they hear and ranks them; the team reads the tally', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, JUROR, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, '/jury');
  await page.locator(`main a[href="/jury/auditions/${NEXT}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/jury/auditions/${NEXT}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les défis que vous entendez');
  await expectAccessible(page, 'my hearings');

  // One défi per run: the first to score (hydrated) or the last (nojs).
  const toScore = page.locator('main tbody tr').filter({ hasText: 'À noter' });
  await expect(toScore.first()).toBeVisible();
  const row = isHydrated() ? toScore.first() : toScore.last();
  const title = await row.locator('a').innerText();
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Grille d'audition du défi");
  await expect(page.locator('main')).toContainText(title);
  await expectAccessible(page, 'défi sheet');
  const criteria = page.locator('main select');
  expect(await criteria.count()).toBe(5);
  for (let i = 0; i < 5; i++) {
    await criteria.nth(i).selectOption(String(1 + (i % 4)));
  }
  await page.getByRole('button', { name: 'Envoyer la grille' }).click();
  const opinion = page.getByRole('group', { name: 'Votre avis sur ce défi' });
  await expect(opinion).toContainText('Donnez votre avis : favorable ou défavorable.');
  await expectAccessible(page, 'défi sheet, refused');
  // What was typed is kept.
  await expect(page.locator('main select').nth(3)).toHaveValue('4');
  await page.getByLabel('Favorable', { exact: true }).check();
  await page.getByLabel('Commentaire').fill("Une équipe disponible et des données prêtes.");
  await page.getByRole('button', { name: 'Envoyer la grille' }).click();
  await expect(notice(page)).toHaveText('Grille envoyée.');
  await expect(page).toHaveURL(new RegExp(`/jury/auditions/${NEXT}$`));
  await expect(page.locator('main tbody tr').filter({ hasText: title })).toContainText('Envoyée : 11 points');

  // The second run finds every sheet in: it ranks, with a coup de cœur.
  const save = page.getByRole('button', { name: 'Enregistrer le classement' });
  if ((await save.count()) > 0) {
    const ranks = page.locator('main input[type="number"]');
    const n = await ranks.count();
    for (let i = 0; i < n; i++) {
      await ranks.nth(i).fill('1');
    }
    await save.click();
    await expect(page.locator('main')).toContainText('Deux défis ont ce rang');
    await expectAccessible(page, 'ranking, tie refused');
    for (let i = 0; i < n; i++) {
      await page.locator('main input[type="number"]').nth(i).fill(String(i + 1));
    }
    await page.getByRole('radio', { name: title }).check();
    await page.getByRole('button', { name: 'Enregistrer le classement' }).click();
    await expect(notice(page)).toHaveText('Classement enregistré.');
    await expect(page.locator('main tbody tr').filter({ hasText: title })).toContainText('(coup de cœur)');
  }

  // The demo promotion's jury, already held: read only.
  await visit(page, '/jury/auditions/1');
  await expect(page.locator('main')).toContainText('le classement ne change plus');
  await expectAccessible(page, 'my hearings, held');

  // The programme team: the tally counts the sheet; the grid is frozen.
  const team = await (await browser.newContext({ javaScriptEnabled: isHydrated(), locale: 'fr-FR' })).newPage();
  await signIn(team, DEMO.coordinator, DEMO_PASSWORD);
  await expect(team).toHaveURL(/\/espace$/);
  await visit(team, `/coordination/promotions/${NEXT}/auditions`);
  await expect(team.getByRole('heading', { level: 1 })).toHaveText('Jury des défis');
  await expect(team.locator('main tbody tr').filter({ hasText: title }).first()).toContainText('sur 2');
  await expect(team.locator('main')).toContainText('elle ne change plus');
  await expectAccessible(team, 'défi jury (team)');
  await visit(team, '/coordination/promotions/1/auditions');
  await expect(team.locator('main tbody tr').first()).toContainText('Sélectionné');
  await expectAccessible(team, 'défi jury held (team)');
  await visit(team, `/coordination/promotions/${NEXT}/auditions`);
  await team.getByLabel('Début (heure de Paris)').fill('2020-01-06T10:00');
  await team.getByLabel('Lieu ou lien de visioconférence').fill('Salle 2');
  await team.getByRole('button', { name: 'Ajouter le créneau' }).click();
  await expect(team.locator('main')).toContainText('Choisissez un moment à venir.');
  await expectAccessible(team, 'défi jury, slot refused');
});
