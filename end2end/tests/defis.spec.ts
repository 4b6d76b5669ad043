// The call for défis, end to end: a host registers its organisation,
// proposes a défi with three slots and a PDF, submits it; a coordinator asks
// for information; the host answers; the coordinator selects it (batch, with
// a preview) and publishes it; the sheet appears in /defis. Axe on every page.

import { expect, test, type Page } from '@playwright/test';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  isHydrated,
  notice,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  verifyFromEmail,
  visit,
  waitForEmail,
} from './helpers';

const PASSWORD = 'radium polonium 1898';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

async function fillDossier(page: Page, title: string) {
  await page.getByLabel('Titre du défi').fill(title);
  await page.getByLabel('Résumé').fill('Un outil pour orienter les usagers.\nEt mesurer son effet.');
  await page.getByLabel('Contexte', { exact: true }).fill('Des guichets saturés, des usagers perdus.');
  await page.getByLabel("Ce que l'équipe construira (cas d'usage)").fill('Orienter.\n\nMesurer.');
  await page.getByLabel('Impact attendu').fill("Moins d'attente.");
  await page.getByLabel('Données disponibles').fill('Historique des demandes sur cinq ans.');
  await page.getByLabel("Ces données sont accessibles dès aujourd'hui à l'équipe").check();
  await page.getByLabel('Le code produit sera publié sous licence libre').check();
  await page.getByLabel('Porteuses et porteurs du défi').fill('Marie Curie, directrice');
  await page.getByLabel('Mentor').fill('Pierre Curie');
  const slots: [string, string, boolean][] = [
    ['Développeur·se', "Construire l'outil avec les agents.", true],
    ['Designer', 'Concevoir le parcours avec les usagers.', true],
    ['Data scientist', "Mesurer l'effet de l'orientation.", false],
  ];
  for (const [i, [profile, mission, mandatory]] of slots.entries()) {
    const slot = page.getByRole('group', { name: `Poste ${i + 1}` });
    await slot.getByLabel('Profil').selectOption({ label: profile });
    await slot.getByLabel('Mission').fill(mission);
    if (mandatory) await slot.getByLabel('Poste indispensable').check();
  }
}

test('a host proposes a défi that coordinators select and publish', async ({ page }) => {
  test.setTimeout(120_000);
  const project = test.info().project.name;
  const email = uniqueEmail('hote');
  const name = 'Hélène Hôte';
  const org = `Ville de test ${project} ${Date.now()}`;
  const title = `Orienter les usagers (${project} ${Date.now()})`;
  let defiUrl = '';

  await test.step('a person signs up and registers an organisation', async () => {
    await signUp(page, email, name);
    await verifyFromEmail(page, email, name, PASSWORD);
    await page.getByRole('link', { name: 'Enregistrer ou retrouver votre organisation' }).click();
    await expect(page).toHaveURL(/\/organisation$/);
    await expectAccessible(page);
    // Spaces pass the browser's check but not the server's.
    await page.getByLabel("Nom de l'organisation").fill('   ');
    await page.getByLabel("Type d'organisation").selectOption({ label: 'Collectivité territoriale' });
    await page.getByLabel('Ville').fill('Belleforêt');
    await page.getByRole('button', { name: "Enregistrer l'organisation" }).click();
    await expect(page.locator('#champ-name-erreur')).toContainText("Indiquez le nom de l'organisation.");
    await expect(page.getByLabel('Ville')).toHaveValue('Belleforêt');
    await expectAccessible(page, 'organisation form with errors');
    await page.getByLabel("Nom de l'organisation").fill(org);
    await page.getByRole('button', { name: "Enregistrer l'organisation" }).click();
    await expect(notice(page)).toHaveText('Organisation enregistrée : vous en êtes responsable.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(org);
    await expectAccessible(page);
  });

  await test.step('proposes a défi with three slots and a PDF', async () => {
    await page.getByRole('button', { name: /^Proposer un défi pour EIG 8 — 2028/ }).click();
    await expect(page).toHaveURL(/\/organisation\/defis\/\d+$/);
    defiUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Défi sans titre');
    await expectAccessible(page);
    await fillDossier(page, title);
    if (isHydrated()) {
      // The autosave island saves a few seconds after the last keystroke.
      await expect(page.locator('.autosave-status')).toContainText('Enregistré automatiquement à', {
        timeout: 15_000,
      });
      await expect(page.locator('#champ-summary-compte')).toBeVisible();
      // The title counts its characters too (its limit is 120).
      await expect(page.locator('#champ-title-compte')).toHaveText(`${[...title].length} caractères sur 120`);
    }
    await expect(page.locator('#champ-title-limite')).toHaveText('120 caractères au maximum.');
    await expect(page.getByLabel('Titre du défi')).toHaveAttribute('maxlength', '120');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(notice(page)).toHaveText('Brouillon enregistré.');
    await expect(page.getByLabel('Titre du défi')).toHaveValue(title);
    await expect(page.locator('.autosave-status')).toContainText('Dernier enregistrement');
    await page.getByLabel('Fichier de présentation').setInputFiles({
      name: 'presentation.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Envoyer la présentation' }).click();
    await expect(notice(page)).toHaveText('Présentation enregistrée.');
    await expect(page.getByRole('link', { name: 'Télécharger presentation.pdf' }).first()).toBeVisible();
    await expectAccessible(page, 'défi draft with its pitch deck');
  });

  await test.step('submits it before the deadline', async () => {
    await page.getByRole('button', { name: 'Déposer le défi' }).click();
    await expect(notice(page)).toContainText('Défi déposé.');
    await expect(page.locator('main')).toContainText('Déposé le');
    await expect(page.getByRole('button', { name: 'Déposer le défi' })).toHaveCount(0);
    await waitForEmail(page.request, email, `Défi déposé : ${title}`);
    await expectAccessible(page, 'submitted défi');
    await signOut(page);
  });

  await test.step('a coordinator asks for information', async () => {
    await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
    await visit(page, '/coordination/promotions');
    await page.getByRole('link', { name: 'Défis de EIG 8 — 2028' }).click();
    await expect(page).toHaveURL(/\/coordination\/promotions\/\d+\/defis$/);
    await expectAccessible(page);
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectAccessible(page);
    await page.getByRole('combobox', { name: 'Décision' }).selectOption({ label: 'Demander des informations' });
    await page.getByLabel("Message à l'organisation").fill('Quelles données sont déjà ouvertes ?');
    await page.getByRole('button', { name: 'Enregistrer la décision et envoyer le message' }).click();
    await expect(notice(page)).toHaveText('Décision enregistrée ; le message part.');
    await expect(page.locator('main')).toContainText('Informations demandées');
    await signOut(page);
  });

  await test.step('the host answers and resubmits', async () => {
    await signIn(page, email, PASSWORD);
    await visit(page, defiUrl);
    await expect(page.locator('.callout')).toContainText('Quelles données sont déjà ouvertes ?');
    await page.getByLabel('Données disponibles').fill('Historique des demandes, ouvert sur data.gouv.fr.');
    await page.getByRole('button', { name: 'Renvoyer le défi complété' }).click();
    await expect(notice(page)).toContainText('Défi déposé.');
    await expectAccessible(page, 'answered défi');
    await signOut(page);
  });

  await test.step('the coordinator selects it after a preview, and publishes it', async () => {
    await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
    await visit(page, '/coordination/promotions');
    await page.getByRole('link', { name: 'Défis de EIG 8 — 2028' }).click();
    await page.getByLabel(`Choisir « ${title} »`).check();
    await page.getByRole('combobox', { name: 'Décision' }).selectOption({ label: 'Sélectionner' });
    await page.getByRole('button', { name: 'Prévisualiser les envois' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aperçu des envois');
    await expect(page.locator('main')).toContainText(email);
    await expect(page.locator('main')).toContainText(`Bonne nouvelle : le défi « ${title} »`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirmer et envoyer' }).click();
    await expect(notice(page)).toHaveText('Décisions enregistrées ; les messages partent.');
    await page.getByRole('button', { name: /^Publier \d+ défis? sélectionnés? non publiés?/ }).click();
    await expect(notice(page)).toHaveText('Fiches publiées.');
    await signOut(page);
  });

  await test.step('the sheet appears in the public catalogue', async () => {
    await visit(page, '/defis');
    await expectAccessible(page);
    await page.getByLabel('Profil recherché').selectOption({ label: 'Designer' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('main')).toContainText(org);
    await expect(page.locator('main')).toContainText('Concevoir le parcours avec les usagers.');
    // What applicants need to choose: the need, the data, the host team
    // and the presentation; nothing internal.
    await expect(page.getByRole('heading', { name: 'Contexte et besoin' })).toBeVisible();
    await expect(page.locator('main')).toContainText('Des guichets saturés, des usagers perdus.');
    await expect(page.locator('main')).toContainText('Historique des demandes, ouvert sur data.gouv.fr.');
    await expect(page.locator('main')).toContainText('Marie Curie, directrice');
    await expect(page.getByRole('heading', { name: "Points d'attention" })).toHaveCount(0);
    const deck = page.getByRole('link', { name: /Télécharger la présentation du défi/ });
    await expect(deck).toHaveAttribute('href', /\/defis\/\d+\/presentation$/);
    const pdf = await page.request.get((await deck.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await expectAccessible(page);
  });
});

test('the demo catalogue and an unpublished défi', async ({ page }) => {
  await visit(page, '/defis');
  await expect(page.getByRole('link', { name: 'Suivre la santé des forêts par satellite' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Prévoir les besoins en lits' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Suivre la santé des forêts par satellite' }).click();
  await expect(page.locator('main')).toContainText('Géomaticien·ne');
  await expectAccessible(page);
  await page.goto('/organisation/defis/9');
  await expect(page).toHaveURL(/\/connexion\?suite=%2Forganisation%2Fdefis%2F9$/);
});
