// The language switch in the header: to English and back, on the same page.

import { expect, test } from '@playwright/test';
import { expectAccessible, ready, visit } from './helpers';

test('the interface switches to English and back to French', async ({ page }) => {
  await visit(page, '/connexion');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se connecter');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.locator('main form').first().getByLabel('Email address')).toBeVisible();
  await ready(page);
  await expectAccessible(page, '/connexion (English)');
  // English says "challenges" for the défis, in the header too.
  await expect(page.getByRole('link', { name: 'Challenges', exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/[Dd]éfi/);

  // The catalogue and a sheet in English: no French word for the défis,
  // no French space before a colon.
  await page.getByRole('link', { name: 'Challenges', exact: true }).click();
  await expect(page.locator('main')).not.toContainText(/\b[Dd]éfis?\b|\s:/);
  await page.locator('main a[href^="/defis/"]').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main')).not.toContainText(/\s:/);
  await expectAccessible(page, 'a public sheet (English)');

  // The choice follows the person to other pages.
  await page.getByRole('link', { name: 'Create an account' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte');
});
