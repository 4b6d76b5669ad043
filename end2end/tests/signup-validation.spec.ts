// Server-side validation of the sign-up form, without and with JavaScript:
// the page comes back with an error summary, per-field messages tied to the
// inputs, and what the person typed (except the password).

import { expect, test } from '@playwright/test';
import { expectAccessible, ready, visit } from './helpers';

test('sign-up errors are summarised, shown by each field, and typed values kept', async ({ page }) => {
  await visit(page, '/inscription');
  // "marie@exemple" passes the browser's own check of type=email but not
  // the server's (no dot in the domain); "court" is under 12 characters.
  await page.getByLabel('Adresse e-mail').fill('marie@exemple');
  await page.getByLabel('Nom et prénom').fill('Marie Curie');
  await page.getByLabel('Mot de passe', { exact: true }).fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Le formulaire contient des erreurs');
  await expect(page).toHaveURL(/\/inscription/);
  await ready(page);

  const email = page.getByLabel('Adresse e-mail');
  const password = page.getByLabel('Mot de passe', { exact: true });
  const emailError = 'Cette adresse e-mail n\'est pas valide.';
  const passwordError = 'Le mot de passe doit contenir au moins 12 caractères.';

  // The summary links to each field in error.
  await expect(summary.getByRole('link', { name: new RegExp(`^${emailError}`) })).toHaveAttribute(
    'href',
    '#champ-email',
  );
  await expect(summary.getByRole('link', { name: passwordError })).toHaveAttribute('href', '#champ-password');

  // Each field says what is wrong, and the message is tied to the input.
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(new RegExp(emailError));
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(new RegExp(passwordError));
  await expect(page.getByLabel('Nom et prénom')).not.toHaveAttribute('aria-invalid', 'true');

  // What was typed is kept, except the password.
  await expect(email).toHaveValue('marie@exemple');
  await expect(page.getByLabel('Nom et prénom')).toHaveValue('Marie Curie');
  await expect(password).toHaveValue('');

  await expectAccessible(page, '/inscription (errors)');
});
