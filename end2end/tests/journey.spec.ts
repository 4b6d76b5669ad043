// The whole life of an account, through the real SMTP path: sign up, confirm
// the address from the email, password sign-in, magic link, password reset.

import { expect, test } from '@playwright/test';
import {
  expectAccessible,
  linkIn,
  notice,
  ready,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  verifyFromEmail,
  visit,
  waitForEmail,
} from './helpers';

test('sign up, confirm, sign in by password and by link, reset the password', async ({ page }) => {
  const email = uniqueEmail('marie');
  const name = 'Marie Curie';
  const password = 'radium et polonium 1898';
  const newPassword = 'deux prix Nobel en 1911';

  await test.step('sign up', async () => {
    await visit(page, '/inscription');
    await expectAccessible(page);
    await signUp(page, email, name);
    await expectAccessible(page);
  });

  await test.step('confirm the address from the email', async () => {
    await verifyFromEmail(page, email, name, password, (p) => expectAccessible(p, '/verification'));
    await expectAccessible(page, '/espace (after confirming)');
  });

  await test.step('sign out', async () => {
    await signOut(page);
    await expectAccessible(page, '/connexion (signed out)');
  });

  await test.step('a wrong password is refused', async () => {
    await signIn(page, email, 'pas le bon mot de passe');
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/connexion/);
    await ready(page);
    await expectAccessible(page, '/connexion (wrong password)');
  });

  await test.step('sign in with the password', async () => {
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name}`);
    await signOut(page);
  });

  await test.step('sign in with a magic link', async () => {
    const magic = page.locator('section');
    // Each of the two email fields of /connexion has its own label.
    await magic.getByLabel('Adresse e-mail').fill(email);
    await magic.getByRole('button', { name: "M'envoyer un lien de connexion" }).click();
    await expect(page).toHaveURL(/\/connexion/);
    await expect(notice(page)).toContainText('Si un compte existe pour cette adresse');
    await ready(page);
    await expectAccessible(page, '/connexion (magic link sent)');

    const mail = await waitForEmail(page.request, email, 'Votre lien de connexion à Cohorte');
    await visit(page, linkIn(mail, '/connexion/lien'));
    await expectAccessible(page, '/connexion/lien');
    await page.getByRole('button', { name: 'Ouvrir ma session' }).click();
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name}`);
    await expectAccessible(page, '/espace');
    await signOut(page);
  });

  await test.step('reset the password from the email', async () => {
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page).toHaveURL(/\/mot-de-passe-oublie$/);
    await expectAccessible(page);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await expect(notice(page)).toContainText('Si un compte existe pour cette adresse');
    await ready(page);
    await expectAccessible(page, `${new URL(page.url()).pathname} (reset link sent)`);

    const mail = await waitForEmail(page.request, email, 'Choisir un nouveau mot de passe');
    await visit(page, linkIn(mail, '/mot-de-passe-oublie/nouveau'));
    await expectAccessible(page, '/mot-de-passe-oublie/nouveau');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(notice(page)).toContainText('Votre mot de passe a été modifié');
    await ready(page);
  });

  await test.step('the old password no longer works, the new one does', async () => {
    await signIn(page, email, password);
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await signIn(page, email, newPassword);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name}`);
  });
});
