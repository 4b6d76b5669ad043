// Public pages that no journey goes through: each must render and pass the
// accessibility scan.

import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './helpers';

const pages: [string, string][] = [
  ['/', 'Cohorte'],
  ['/accessibilite', "Déclaration d'accessibilité"],
  ['/mentions-legales', 'Mentions légales'],
  ['/donnees-personnelles', 'Données personnelles'],
];

for (const [path, title] of pages) {
  test(`page ${path}`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectAccessible(page);
  });
}

test('an unknown address shows the 404 page', async ({ page }) => {
  const res = await page.goto('/cette-page-n-existe-pas');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expectAccessible(page);
});

test('pages behind a sign-in send anonymous visitors to the sign-in page', async ({ page }) => {
  for (const path of ['/espace', '/admin/utilisateurs', '/coordination/courriels']) {
    await visit(page, path);
    await expect(page, path).toHaveURL(/\/connexion/);
  }
});
