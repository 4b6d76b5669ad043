// An applicant builds a dossier for the demo promotion (whose call for
// applications is open), attaches a CV, ranks défis, submits, and follows
// it; axe on every page.

import { expect, test } from '@playwright/test';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  isHydrated,
  notice,
  signIn,
  signUp,
  uniqueEmail,
  visit,
  verifyFromEmail,
  waitForEmail,
} from './helpers';

const PASSWORD = 'radium polonium 1898';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

test('an applicant submits a dossier before the deadline', async ({ page }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('candidate');
  const name = 'Ada Lovelace';

  await test.step('the promotion page leads to the application', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'EIG 7 — 2027' }).first().click();
    await expect(page.locator('main')).toContainText('Clôture le');
    if (isHydrated()) await expect(page.locator('.countdown')).toContainText('Il reste');
    await expectAccessible(page);
    await signUp(page, email, name);
    await verifyFromEmail(page, email, name, PASSWORD);
  });

  await test.step('starts a dossier and saves a draft', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Ma candidature' }).click();
    await expect(page).toHaveURL(/\/candidature$/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Commencer ma candidature' }).click();
    await expect(page).toHaveURL(/\/candidature\/\d+$/);
    await expect(page.getByLabel('Prénom')).toHaveValue('Ada');
    await expectAccessible(page);
    await page.getByLabel('Profil', { exact: true }).selectOption({ label: 'Géomaticien·ne' });
    await page.getByLabel("Années d'expérience").selectOption({ label: 'De 5 à 10 ans' });
    await page.getByLabel('Compétences').fill('QGIS, PostGIS, Python');
    // The live count follows the typing once hydrated; without JavaScript
    // it stays hidden (the hint states the limit).
    const count = page.locator('#champ-skills-compte');
    if (isHydrated()) await expect(count).toHaveText(/^21 caractères sur \d+$/);
    else await expect(count).toBeHidden();
    await page.getByLabel('Expérience', { exact: true }).fill('Dix ans de cartographie.');
    await page.getByLabel('Motivation').fill('Mettre la donnée géographique au service du public.');
    if (isHydrated()) {
      await expect(page.locator('.autosave-status')).toContainText('Enregistré automatiquement à', { timeout: 15_000 });
    }
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(notice(page)).toHaveText('Brouillon enregistré.');
    await expect(page.getByLabel('Compétences')).toHaveValue('QGIS, PostGIS, Python');
  });

  await test.step('an incomplete submission lists what is missing', async () => {
    await page.getByRole('button', { name: 'Déposer ma candidature' }).click();
    await expect(page.locator('.error-summary')).toContainText('Le formulaire contient des erreurs');
    // Each entry names its field, and focus is on the summary.
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary').getByRole('link', { name: 'CV (obligatoire) : Joignez votre CV au format PDF.' })).toHaveAttribute('href', '#champ-cv');
    // The link to the choices lands on their fieldset, which takes focus.
    const choices = page.locator('.error-summary a[href="#champ-choices"]');
    if (await choices.count()) {
      await choices.first().click();
      await expect(page.locator('#champ-choices')).toBeFocused();
    }
    await expectAccessible(page, 'dossier with errors');
  });

  await test.step('attaches a CV, ranks défis and submits', async () => {
    await page.getByLabel('CV (obligatoire)').setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Envoyer : CV (obligatoire)' }).click();
    await expect(notice(page)).toHaveText('Fichier enregistré.');
    await page.getByLabel('Rang de « Suivre la santé des forêts par satellite »').selectOption('1');
    await page.getByLabel("Rang de « Cartographier le risque d'incendie »").selectOption('2');
    await page.getByLabel('Intéressé·e par un rôle').selectOption({ label: 'non' });
    await page.getByLabel('Je ne serai pas agent·e public·que').check();
    await page.getByLabel('Je ne serai pas étudiant·e').check();
    await page.getByLabel("Je ne suis pas membre d'un jury").check();
    await page.getByLabel("J'accepte que mes données").check();
    await page.getByRole('button', { name: 'Déposer ma candidature' }).click();
    await expect(notice(page)).toContainText('Candidature déposée.');
    await expect(page.locator('main')).toContainText('Déposée le');
    await expect(page.getByRole('heading', { name: 'Où en est ma candidature' })).toBeVisible();
    await waitForEmail(page.request, email, 'Candidature déposée : EIG 7 — 2027');
    await expectAccessible(page, 'submitted dossier');
  });
});

test('a coordinator reviews the dossiers of the promotion', async ({ page }) => {
  await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
  await visit(page, '/coordination/promotions');
  await page.getByRole('link', { name: 'Candidatures — EIG 7 — 2027' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidatures — EIG 7 — 2027');
  await expectAccessible(page);
  // The dossier submitted by the previous test (in this project's run).
  await page.getByRole('link', { name: /^Lovelace Ada/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Lovelace');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Candidatures — EIG 7 — 2027' }).click();
  await page.getByRole('combobox', { name: 'Décision' }).selectOption({ label: 'Demander une correction' });
  await page.getByRole('button', { name: 'Prévisualiser les envois' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aperçu des envois');
  await expect(page.locator('main')).toContainText('Votre candidature demande une correction');
  await expectAccessible(page);
});

test('a person downloads their data and deletes their account', async ({ page }) => {
  const email = uniqueEmail('leaving');
  await signUp(page, email, 'Léa Départ');
  await verifyFromEmail(page, email, 'Léa Départ', PASSWORD);
  await page.getByRole('link', { name: /Mes données personnelles/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes données personnelles');
  await expectAccessible(page);
  const zip = await page.request.post('/espace/mes-donnees.zip');
  expect(zip.status()).toBe(200);
  expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
  await page.getByLabel('Je comprends que cette suppression est définitive').check();
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(notice(page)).toContainText('Votre compte est supprimé.');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Se connecter' })).toBeVisible();
});
