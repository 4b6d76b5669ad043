// A coordinator creates a promotion (after a refused calendar), edits it,
// and anyone reads its public page.

import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, notice, signIn, signOut } from './helpers';

test('a coordinator creates a promotion and the public reads it', async ({ page }) => {
  const name = `EIG test ${test.info().project.name} ${Date.now()}`;

  await test.step('the coordinator opens the promotions', async () => {
    await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
    await page.getByRole('navigation').getByRole('link', { name: 'Promotions' }).click();
    await expect(page).toHaveURL(/\/coordination\/promotions$/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Créer une promotion' }).click();
    await expect(page).toHaveURL(/\/coordination\/promotions\/nouvelle$/);
    await expectAccessible(page);
  });

  await test.step('an invalid calendar is refused on the right field', async () => {
    await page.getByLabel('Nom de la promotion').fill(name);
    await page.getByLabel('Description publique').fill('Une promotion de test.');
    await page.getByLabel("Ouverture de l'appel à défis").fill('2030-02-01T09:00');
    await page.getByLabel("Fermeture de l'appel à défis").fill('2030-01-15T09:00');
    await page.getByLabel("Ouverture de l'appel à candidatures").fill('2030-03-01T09:00');
    await page.getByLabel("Fermeture de l'appel à candidatures").fill('2030-05-07T23:59');
    await page.getByLabel('Date de début du programme').fill('2030-09-15');
    await page.getByRole('button', { name: 'Enregistrer la promotion' }).click();
    await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
    await expect(page.locator('#champ-defis_close-erreur')).toContainText("La fermeture doit être postérieure à l'ouverture");
    await expect(page.getByLabel('Nom de la promotion')).toHaveValue(name);
    await expectAccessible(page);
  });

  await test.step('corrected, it is created', async () => {
    await page.getByLabel("Fermeture de l'appel à défis").fill('2030-04-15T23:59');
    await page.getByRole('button', { name: 'Enregistrer la promotion' }).click();
    await expect(notice(page)).toContainText('La promotion a été créée.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier la promotion');
    await expectAccessible(page);
  });

  await test.step('anyone reads its public page', async () => {
    await page.getByRole('link', { name: 'Voir la page publique' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('main')).toContainText('07/05/2030 23:59');
    await expectAccessible(page);
    await signOut(page);
    await page.goto('/');
    await expect(page.getByRole('link', { name })).toBeVisible();
    await expectAccessible(page);
  });
});
