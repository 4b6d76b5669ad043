// Pages that no journey goes through: each must render and pass the
// accessibility scan. One test (with a step per page) keeps the run short;
// soft assertions let every page be checked even when one fails.

import { expect, test } from '@playwright/test';
import { expectAccessible, visit } from './helpers';

const pages: [path: string, status: number, title: string][] = [
  ['/', 200, 'Cohorte'],
  ['/accessibilite', 200, "Déclaration d'accessibilité"],
  ['/mentions-legales', 200, 'Mentions légales'],
  ['/donnees-personnelles', 200, 'Données personnelles'],
  ['/cette-page-n-existe-pas', 404, 'Page introuvable'],
];

test('public pages, and the 404 page for an unknown address', async ({ page }) => {
  for (const [path, status, title] of pages) {
    await test.step(path, async () => {
      const res = await page.goto(path);
      expect.soft(res?.status(), `HTTP status of ${path}`).toBe(status);
      await expect.soft(page.getByRole('heading', { level: 1 }), `title of ${path}`).toHaveText(title);
      await expectAccessible(page);
    });
  }
});

test('pages behind a sign-in send anonymous visitors to the sign-in page', async ({ page }) => {
  await visit(page, '/espace');
  await expect(page).toHaveURL(/\/connexion$/);
  // Elsewhere, the sign-in page says it brings the person back there.
  for (const path of ['/admin/utilisateurs', '/coordination/courriels', '/candidature']) {
    await visit(page, path);
    await expect(page, path).toHaveURL(new RegExp(`/connexion\\?suite=${encodeURIComponent(path)}$`));
    await expect(page.locator('main')).toContainText('vous reviendrez ensuite à la page que vous vouliez ouvrir');
  }
  await expectAccessible(page, '/connexion?suite=…');
});
