// The password field: a plain password input that hydration (the Enhance
// island) enhances with a show/hide button and a live character count.
// Without JavaScript those two cannot work, so they must not be shown.

import { expect, test } from '@playwright/test';
import { isHydrated, passwordToggle, visit } from './helpers';

test('the password show/hide button and count appear only when they work', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });

  // The page the reset link opens renders without a valid token; the
  // token is only checked when the form is sent.
  await visit(page, '/mot-de-passe-oublie/nouveau?jeton=0');
  const input = page.getByLabel('Nouveau mot de passe', { exact: true });
  const toggle = passwordToggle(page);
  const count = page.locator('#champ-password-compte');

  if (isHydrated()) {
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveText('Afficher le mot de passe');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // Real plural forms: French says "0 caractère", "1 caractère".
    await input.fill('x');
    await expect(count).toBeVisible();
    await expect(count).toHaveText('1 caractère sur 12 minimum');
    await input.fill('');
    await expect(count).toHaveText('0 caractère sur 12 minimum');
    await input.fill('douze carac.');
    await expect(count).toHaveText('12 caractères sur 12 minimum');
    await toggle.click();
    await expect(input).toHaveAttribute('type', 'text');
    await expect(toggle).toHaveText('Masquer le mot de passe');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(input).toHaveAttribute('type', 'password');
    expect(errors, 'errors or warnings in the browser console').toEqual([]);
  } else {
    // The page is static: no need to wait for anything to change.
    await expect(input).toHaveAttribute('type', 'password');
    await expect(count).toBeHidden({ timeout: 1_000 });
    // The server marks the button `hidden`; the style sheet must not undo it.
    await expect(toggle).toHaveAttribute('hidden', '');
    await expect(toggle, 'a show/hide button that cannot work without JavaScript').toBeHidden({ timeout: 1_000 });
  }
  // Signing in has no minimum to reach: no count there.
  await visit(page, '/connexion');
  await page.locator('main form').first().getByLabel('Mot de passe', { exact: true }).fill('x');
  await expect(page.locator('#champ-password-compte')).toHaveCount(0);
});
