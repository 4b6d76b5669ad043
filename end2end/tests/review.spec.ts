// The review of applications (issue 12), hydrated and without JavaScript:
// a coordinator invites a juror and frees dossiers by removing two demo
// jurors; the juror signs up, accepts the invitation, sets no conflict but
// one, and is assigned by the coordinator's plan (seen, then applied); the
// juror is refused a review without a verdict, then scores two dossiers;
// the coordinator shortlists one after a preview. Every page is scanned.

import { expect, test, type Page } from '@playwright/test';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  isHydrated,
  linkIn,
  notice,
  signIn,
  signUp,
  uniqueEmail,
  verifyFromEmail,
  visit,
  waitForEmail,
} from './helpers';

const PASSWORD = 'radium polonium 1898';
const PROMOTION = 1;
const PRESELECTION = `/coordination/promotions/${PROMOTION}/preselection`;

/** Gives every criterion of the open dossier the mark `m`. */
async function markAll(page: Page, m: string) {
  const groups = page.locator('fieldset.criterion');
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    await groups.nth(i).getByLabel(m, { exact: true }).check();
  }
}

test('a juror is invited, declares a conflict and scores; the coordinator assigns and shortlists', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const coordinator = await (await browser.newContext({ javaScriptEnabled: isHydrated(), locale: 'fr-FR' })).newPage();
  await signIn(coordinator, DEMO.coordinator, DEMO_PASSWORD);
  await expect(coordinator).toHaveURL(/\/espace$/);
  await visit(coordinator, `/coordination/promotions/${PROMOTION}/candidatures`);
  await coordinator.getByRole('link', { name: /La présélection/ }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('Présélection');
  await expectAccessible(coordinator, 'preselection');

  // Invite the juror; free dossiers by removing two demo jurors.
  const email = uniqueEmail('jure');
  await coordinator.getByLabel('Adresse e-mail').fill(email);
  await coordinator.getByRole('button', { name: "Envoyer l'invitation" }).click();
  await expect(notice(coordinator)).toHaveText('Invitation envoyée.');
  const leaving = isHydrated() ? ['Louis Garnier', 'Karima Benali'] : ['Jules Petit', 'Hugo Lambert'];
  for (const name of leaving) {
    await coordinator.getByRole('button', { name: `Retirer ${name} du jury` }).click();
    await expect(notice(coordinator)).toContainText('Juré·e retiré·e');
  }

  // The juror signs up, accepts (once, with the invited address).
  const name = isHydrated() ? 'Paule Juré' : 'Noé Juré';
  await signUp(page, email, name);
  await verifyFromEmail(page, email, name, PASSWORD);
  const invitation = await waitForEmail(page.request, email, 'Invitation à rejoindre le jury de la promotion « EIG 7 — 2027 » sur Cohorte');
  await visit(page, linkIn(invitation, '/invitation'));
  await expectAccessible(page, 'invitation');
  await page.getByRole('button', { name: 'Rejoindre le jury' }).click();
  await expect(page).toHaveURL(/\/jury$/);
  await expect(page.locator('main')).toContainText('déclarez vos conflits');
  await expectAccessible(page, 'jury home, to declare');
  await page.getByRole('link', { name: "Déclarer mes conflits d'intérêts" }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Mes conflits d'intérêts");
  await expectAccessible(page, 'conflicts');
  // One conflict: the first applicant of the list.
  const first = page.locator('main table').first().locator('select').first();
  await first.selectOption('personal');
  await page.getByRole('button', { name: "Enregistrer mes conflits d'intérêts" }).click();
  await expect(page).toHaveURL(/\/jury$/);
  await expect(notice(page)).toHaveText("Conflits d'intérêts enregistrés.");

  // The coordinator sets the juror's profiles, sees the plan, applies it.
  await visit(coordinator, PRESELECTION);
  const row = coordinator.locator('tr', { hasText: name });
  await row.locator('summary').click();
  for (const box of await row.getByRole('checkbox').all()) await box.check();
  await row.getByRole('button', { name: `Enregistrer pour ${name}` }).click();
  await expect(notice(coordinator)).toHaveText('Juré·e mis·e à jour.');
  await coordinator.getByRole('link', { name: 'Répartition des dossiers' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Répartition proposée' })).toBeVisible();
  await expect(coordinator.locator('main')).toContainText('attributions à ajouter');
  await expectAccessible(coordinator, 'assignment plan');
  await coordinator.getByRole('button', { name: 'Appliquer cette répartition' }).click();
  await expect(notice(coordinator)).toHaveText('Répartition appliquée.');
  // By hand: the juror chosen by name; an unknown number is refused by field.
  await coordinator.getByLabel('Juré·e', { exact: true }).selectOption({ label: name });
  await coordinator.getByLabel('Numéro du dossier').fill('999999');
  await coordinator.getByRole('button', { name: 'Valider', exact: true }).click();
  await expect(coordinator.locator('.error-summary')).toContainText('Aucun dossier en cours de relecture ne porte ce numéro');
  await expect(coordinator.getByLabel('Numéro du dossier')).toHaveValue('999999');
  await expectAccessible(coordinator, 'assignment by hand, refused');

  // The juror: a review without a verdict is refused, nothing lost.
  await visit(page, '/jury');
  await expectAccessible(page, 'jury home');
  await page.getByRole('link', { name: 'Dossier suivant' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier à relire');
  await expect(page.locator('main')).toContainText('Présélection anonyme');
  await expectAccessible(page, 'jury dossier');
  await markAll(page, '4');
  await page.getByLabel(/Commentaire sur « Compétences techniques »/).fill('Solide.');
  await page.getByRole('button', { name: 'Rendre mon avis' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choisissez un avis général.');
  await expect(page.getByLabel(/Commentaire sur « Compétences techniques »/)).toHaveValue('Solide.');
  await expectAccessible(page, 'jury dossier with errors');
  await markAll(page, '4');
  await page.getByRole('group', { name: 'Avis général' }).getByLabel('Coup de cœur').check();
  await page.getByRole('button', { name: 'Rendre mon avis' }).click();
  await expect(notice(page)).toContainText('Avis rendu.');
  // The second dossier.
  await page.getByRole('link', { name: 'Dossier suivant' }).click();
  await markAll(page, '2');
  await page.getByRole('group', { name: 'Avis général' }).getByLabel('Défavorable').check();
  await page.getByRole('button', { name: 'Rendre mon avis' }).click();
  await expect(notice(page)).toContainText('Avis rendu.');
  await visit(page, '/jury');
  await expect(page.locator('main')).toContainText('2 / ');

  // The coordinator shortlists a dossier still under review, after a preview.
  await visit(coordinator, `${PRESELECTION}/resultats`);
  await expectAccessible(coordinator, 'results');
  const open = coordinator.locator('tbody tr', { hasText: /Déposée|En cours d'examen/ }).first();
  await open.getByRole('checkbox').check();
  await coordinator.getByRole('button', { name: 'Retenir les dossiers cochés' }).click();
  await expect(coordinator).toHaveURL(/preselection\/apercu/);
  await expect(coordinator.locator('main')).toContainText('présélectionnée');
  await expectAccessible(coordinator, 'shortlist preview');
  await coordinator.getByRole('button', { name: /Confirmer/ }).click();
  await expect(notice(coordinator)).toHaveText('Décisions enregistrées et courriels mis en file d\'envoi.');

  // The dossiers' table carries the aggregates and sorts by them (best
  // first); a dossier's page shows each review, a removed juror's marked.
  await visit(coordinator, `/coordination/promotions/${PROMOTION}/candidatures`);
  await coordinator.getByRole('link', { name: 'Normalisé', exact: true }).click();
  await expect(coordinator).toHaveURL(/tri=normalise/);
  await expect(coordinator.locator('thead')).toContainText('Coups de cœur');
  await expectAccessible(coordinator, 'dossiers with the review columns');
  await coordinator.locator('tbody tr').first().getByRole('link').first().click();
  await expect(coordinator.getByRole('heading', { name: 'Avis des juré·es' })).toBeVisible();
  await expectAccessible(coordinator, 'dossier with its reviews');
  await coordinator.context().close();
});
