// What a newcomer hit in a real browser (issue 11), checked so that it
// stays fixed: wrong ranks keep everything else and say what is wrong, the
// choices say which défis seek the profile, the personal area shows what
// the person has going on, a template fills a decision form, the outbox
// can be filtered, read and a failed message sent again. Every page is
// scanned (axe, and no sideways scroll at 375 px: `expectAccessible`).

import { expect, test, type Page } from '@playwright/test';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  isHydrated,
  notice,
  signIn,
  signUp,
  uniqueEmail,
  verifyFromEmail,
  visit,
} from './helpers';

const PASSWORD = 'radium polonium 1898';
const FOREST = 'Suivre la santé des forêts par satellite';
const FIRE = "Cartographier le risque d'incendie";

/** Once hydrated, the islands have wired the page (a counter shows). */
async function hydrated(page: Page) {
  if (isHydrated()) await expect(page.locator('#champ-skills-compte')).toBeVisible({ timeout: 15_000 });
}

test('wrong ranks are a field error, and the rest of the dossier is saved', async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('ranks');
  await signUp(page, email, 'Rosalind Franklin');
  await verifyFromEmail(page, email, 'Rosalind Franklin', PASSWORD);
  // The personal area shows the open call and the way to apply.
  await expect(page.getByRole('heading', { name: 'Appels à candidatures' })).toBeVisible();
  await expect(page.locator('main')).toContainText('EIG 7 — 2027');
  await page.getByRole('main').getByRole('link', { name: 'Commencer ma candidature' }).click();
  await page.getByRole('button', { name: 'Commencer ma candidature' }).click();
  await expect(page).toHaveURL(/\/candidature\/\d+$/);
  const dossier = page.url();
  await hydrated(page);

  await page.getByLabel('Profil', { exact: true }).selectOption({ label: 'Géomaticien·ne' });
  await page.getByLabel('Compétences').fill('QGIS, PostGIS');
  // The count is for the eye; a screen reader hears it once, after a pause.
  await expect(page.locator('#champ-skills-compte')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByLabel('Compétences')).toHaveAttribute('aria-describedby', /champ-skills-limite/);
  if (isHydrated()) {
    await expect(page.locator('[data-counter-status="champ-skills"]')).toHaveText('13 caractères sur 1000');
  }
  await page.getByLabel(`Rang de « ${FOREST} »`).selectOption('1');
  await page.getByLabel(`Rang de « ${FIRE} »`).selectOption('1');
  // One Tab stop a row: the title labels the select, the sheets are one
  // link above the table.
  await expect(page.locator('#champ-choices table a')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Lire les fiches des défis (nouvel onglet)' })).toBeVisible();

  if (isHydrated()) {
    // The autosave saves the rest and says, in view, what it did not save.
    await expect(page.locator('.autosave-status')).toContainText('Enregistré automatiquement à', { timeout: 15_000 });
    const alert = page.locator('.autosave-alert');
    await expect(alert).toContainText('sauf le classement des défis');
    await expect(alert).toContainText('Deux défis ont le même rang');
    await expect(alert).toBeInViewport();
  } else {
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: /^Vos choix de défis : Deux défis ont le même rang/ })).toHaveAttribute(
      'href',
      '#champ-choices',
    );
    // What was typed and chosen is all there, the wrong ranks included.
    await expect(page.getByLabel(`Rang de « ${FOREST} »`)).toHaveValue('1');
    await expect(page.getByLabel(`Rang de « ${FIRE} »`)).toHaveValue('1');
    await expect(page.getByLabel('Compétences')).toHaveValue('QGIS, PostGIS');
    // The address is the dossier's own: a reload does not show the error again.
    expect(page.url()).toBe(dossier);
    await expectAccessible(page, 'dossier with wrong ranks');
  }
  await page.reload();
  await hydrated(page);
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await expect(page.getByLabel('Compétences')).toHaveValue('QGIS, PostGIS');
  // The table marks the défis that seek the profile chosen.
  const forestRow = page.locator('#champ-choices tr', { hasText: FOREST });
  await expect(forestRow).toContainText('Recherche votre profil');
  await expectAccessible(page, 'dossier after the reload');
});

test('the personal area shows a host their organisation and défis', async ({ page }) => {
  await signIn(page, DEMO.host, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { name: "Administrations d'accueil" })).toBeVisible();
  await expect(page.locator('main a[href^="/organisation/defis/"]').first()).toBeVisible();
  // Not an applicant: no "Ma candidature" in the navigation.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Ma candidature' })).toHaveCount(0);
  await expectAccessible(page, '/espace (host)');
});

// One sign-in for the coordinators' checks: every sign-in counts against
// the rate limits of the demo account and of the tests' one address.
test('coordinators: drafts and organisations on a phone, a template, the outbox', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
  // Signed in before going on (else the next page may open signed out).
  await expect(page).toHaveURL(/\/espace$/);

  await test.step('the drafts and organisations pages fit a phone', async () => {
    // expectAccessible also fails when a page is wider than a 375 px phone.
    await visit(page, '/coordination/promotions/1/brouillons');
    await expectAccessible(page);
    await visit(page, '/coordination/organisations');
    await expectAccessible(page);
  });

  await test.step('a template fills the decision form', async () => {
    await visit(page, '/coordination/promotions');
    await page.getByRole('link', { name: 'Candidatures — EIG 7 — 2027' }).click();
    await page.locator('main table tbody a[href^="/coordination/candidatures/"]').first().click();
    await expect(page).toHaveURL(/\/coordination\/candidatures\/\d+$/);
    const form = page.locator('section[aria-labelledby="examen-titre"]');
    await form.locator('summary', { hasText: 'Modèles de message' }).click();
    await form.getByRole('link', { name: 'Utiliser le modèle « Demander une correction »' }).click();
    await expect(form.getByLabel('Message à la personne candidate')).toHaveValue(/Votre candidature demande une correction/);
    await expect(form.getByLabel('Décision')).toHaveValue('request_correction');
    await expectAccessible(page, 'review page with a template');
  });

  await test.step('the outbox filtered, a message read and sent again', async () => {
    await visit(page, '/coordination/courriels');
    await page.getByLabel("Destinataire (tout ou partie de l'adresse)").fill('adresse-erronee');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/destinataire=adresse-erronee/);
    const row = page.locator('main table tbody tr').first();
    await expect(row).toContainText('adresse-erronee@demo.cohorte.localhost');
    await expectAccessible(page, 'outbox, filtered');
    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/coordination\/courriels\/\d+$/);
    await expectAccessible(page, 'an outbox message');
    // The demo's failed reminder: the first project to get here reads it
    // and sends it again (the SMTP sink then takes it, and its text is no
    // longer kept); the other finds it sent or queued. The hydrated project
    // runs first on a fresh server: the message is still failed there.
    const resend = page.getByRole('button', { name: 'Renvoyer ce courriel' });
    if (isHydrated()) await expect(resend).toBeVisible();
    if (await resend.count()) {
      await expect(page.locator('.mail-body')).toContainText('Reprendre votre candidature');
      await resend.click();
      await expect(notice(page)).toHaveText("Le courriel est de nouveau en file d'attente.");
      await expect(page.locator('main dl')).toContainText(/En attente|En cours d'envoi|Envoyé/);
    } else {
      await expect(page.locator('main')).toContainText(/n'est plus conservé|Reprendre votre candidature/);
    }
  });
});
