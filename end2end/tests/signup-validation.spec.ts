// Server-side validation of the sign-up form and of the password chosen on
// the verification page, without and with JavaScript: the page comes back
// with an error summary, per-field messages tied to the inputs, and what
// the person typed (except the password).

import { expect, test } from '@playwright/test';
import { expectAccessible, openVerification, ready, signUp, uniqueEmail, visit } from './helpers';

test('sign-up errors are summarised, shown by each field, and typed values kept', async ({ page }) => {
  await visit(page, '/inscription');
  // Sign-up asks no password: it is chosen from the emailed link.
  await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveCount(0);
  // "marie@exemple" passes the browser's own check of type=email but not
  // the server's (no dot in the domain).
  await page.getByLabel('Adresse e-mail').fill('marie@exemple');
  await page.getByLabel('Nom et prénom').fill('Marie Curie');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Le formulaire contient des erreurs');
  await expect(page).toHaveURL(/\/inscription/);
  await ready(page);

  const email = page.getByLabel('Adresse e-mail');
  const emailError = 'Cette adresse e-mail n\'est pas valide.';
  // Focus is on the summary, whose entry names its field.
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: `Adresse e-mail : ${emailError}` })).toHaveAttribute(
    'href',
    '#champ-email',
  );
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(new RegExp(emailError));
  await expect(page.getByLabel('Nom et prénom')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveValue('marie@exemple');
  await expect(page.getByLabel('Nom et prénom')).toHaveValue('Marie Curie');
  await expectAccessible(page, '/inscription (errors)');
});

test('a password too short is refused on the verification page, tied to its field', async ({ page }) => {
  const address = uniqueEmail('court');
  await signUp(page, address, 'Marie Court');
  await openVerification(page, address);
  const password = page.getByLabel('Mot de passe', { exact: true });
  await password.fill('court');
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Le formulaire contient des erreurs');
  await expect(page).toHaveURL(/\/verification/);
  await ready(page);
  const passwordError = 'Le mot de passe doit contenir au moins 12 caractères.';
  await expect(summary.getByRole('link', { name: passwordError })).toHaveAttribute('href', '#champ-password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(new RegExp(passwordError));
  await expect(password).toHaveValue('');
  await expectAccessible(page, '/verification (errors)');
});
