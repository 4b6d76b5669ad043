// Interviews and jury rankings (issue 13), hydrated and without
// JavaScript, on the demo's juries: a shortlisted candidate books one of a
// jury's free slots, then moves it; the programme team reopens a locked
// list with a reason; a juror scores an interview on the grid (refused
// without the yes/no first) and the jury locks its list. Every page is
// scanned. Each run leaves the demo so that the next one can run again.

import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, isHydrated, notice, signIn, visit } from './helpers';

/** The demo's shortlisted candidate who signs in (`seed_interviews`). */
const CANDIDATE = 'sacha.bernard.41@candidats.demo.cohorte.localhost';
const JUROR = 'jure.1@jury.demo.cohorte.localhost';

async function newPage(browser: import('@playwright/test').Browser): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled: isHydrated(), locale: 'fr-FR' });
  return ctx.newPage();
}

test('a shortlisted candidate books an interview, then moves it', async ({ page }) => {
  await signIn(page, CANDIDATE, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole('link', { name: 'Mes entretiens et mes jurys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes entretiens');
  await expectAccessible(page, 'my interviews');
  const card = page.locator('main section.card').filter({ has: page.getByRole('radio') }).first();
  await card.getByRole('radio').first().check();
  await card.getByRole('button', { name: /^(Réserver ce créneau|Déplacer l'entretien)$/ }).click();
  await expect(notice(page)).toHaveText("Entretien réservé : l'invitation part par courriel.");
  const booked = page.locator('main section.card').filter({ hasText: 'Entretien fixé' }).first();
  await expect(booked).toContainText('heure de Paris');
  const before = await booked.locator('p').filter({ hasText: 'heure de Paris' }).innerText();
  await booked.getByRole('radio').first().check();
  await booked.getByRole('button', { name: "Déplacer l'entretien" }).click();
  await expect(notice(page)).toHaveText("Entretien réservé : l'invitation part par courriel.");
  const after = await page.locator('main section.card').filter({ hasText: 'Entretien fixé' }).first().locator('p').filter({ hasText: 'heure de Paris' }).innerText();
  expect(after).not.toBe(before);
  await expectAccessible(page, 'my interviews, moved');
});

test('the team reopens a list, a juror scores and the jury locks its list', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The programme team: the jury that met its candidates, a list reopened.
  const team = await newPage(browser);
  await signIn(team, DEMO.coordinator, DEMO_PASSWORD);
  await expect(team).toHaveURL(/\/espace$/);
  await visit(team, '/coordination/promotions/1/entretiens');
  await expect(team.getByRole('heading', { level: 1 })).toHaveText('Entretiens et jurys');
  await expectAccessible(team, 'interviews overview');
  const juries = await team.locator('main a[href^="/jury/defis/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let met = '';
  for (const href of juries) {
    await visit(team, href!);
    if ((await team.getByRole('button', { name: 'Rouvrir la liste' }).count()) > 0) {
      met = href!;
      break;
    }
  }
  expect(met, 'a jury with a locked list').not.toBe('');
  await expectAccessible(team, 'jury page (team)');
  const reopen = team.locator('main form').filter({ has: team.getByRole('button', { name: 'Rouvrir la liste' }) }).first();
  await reopen.getByRole('button', { name: 'Rouvrir la liste' }).click();
  await expect(team.locator('main')).toContainText('Donnez la raison');
  const again = team.locator('main form').filter({ has: team.getByRole('button', { name: 'Rouvrir la liste' }) }).first();
  await again.getByLabel('Raison de la réouverture').fill('Une note saisie à tort, à corriger.');
  await again.getByRole('button', { name: 'Rouvrir la liste' }).click();
  await expect(notice(team)).toHaveText('Liste rouverte.');

  // The juror: their juries, an interview sheet, the list locked.
  await signIn(page, JUROR, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, met);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jury du défi');
  await expectAccessible(page, 'jury page (juror)');
  await page.getByRole('link', { name: /^Noter / }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Grille d'entretien");
  await expectAccessible(page, 'interview sheet');
  const criteria = page.locator('main select');
  const n = await criteria.count();
  expect(n).toBe(5);
  for (let i = 0; i < n; i++) {
    await criteria.nth(i).selectOption('3');
  }
  // Leave the verdict as it was saved, then say yes.
  await page.getByLabel('Oui, acceptable').check();
  await page.getByLabel('Commentaire').fill('Très bonne compréhension du défi.');
  await page.getByRole('button', { name: 'Envoyer la grille' }).click();
  await expect(notice(page)).toHaveText('Grille envoyée.');
  await expect(page).toHaveURL(new RegExp(`${met}$`));
  await page.getByRole('button', { name: 'Verrouiller la liste' }).first().click();
  await expect(notice(page)).toHaveText('Liste verrouillée.');
  await expectAccessible(page, 'jury page, list locked');
});
