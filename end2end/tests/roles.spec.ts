// An administrator gives the coordinator role to a new member, who then sees
// the outbox of the platform.

import { expect, test } from '@playwright/test';
import {
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  notice,
  signIn,
  signOut,
  signUp,
  uniqueEmail,
  verifyFromEmail,
} from './helpers';

test('an administrator makes a new member coordinator', async ({ page }) => {
  const email = uniqueEmail('ada');
  const name = `Ada Lovelace ${test.info().project.name}`;
  const password = 'machine analytique 1843';
  const coordinator = 'Coordinateur·rice du programme';

  await test.step('the new member signs up and confirms', async () => {
    await signUp(page, email, name);
    await verifyFromEmail(page, email, name, password);
    await expect(page.getByRole('link', { name: 'Courriels envoyés' })).toHaveCount(0);
    await signOut(page);
  });

  await test.step('the administrator grants the role', async () => {
    await signIn(page, DEMO.admin, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/espace$/);
    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await expect(page).toHaveURL(/\/admin\/utilisateurs$/);
    await expectAccessible(page);

    await page.getByLabel('Rechercher par nom ou adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/\/admin\/utilisateurs\?q=/);
    const row = page.locator('tr', { hasText: email });
    await expect(row).toHaveCount(1);
    await expect(page.locator('tbody tr')).toHaveCount(1);
    await expectAccessible(page, '/admin/utilisateurs (search)');

    await row.getByLabel(`Rôle à attribuer à ${name}`).selectOption({ label: coordinator });
    await row.getByRole('button', { name: 'Attribuer' }).click();
    await expect(notice(page)).toHaveText('Le rôle a été attribué.');
    await expect(page.locator('tr', { hasText: email })).toContainText(coordinator);
    await expect(page.getByRole('button', { name: `Désactiver le compte de ${name}` })).toBeVisible();
    await expectAccessible(page, '/admin/utilisateurs (role granted)');
    await signOut(page);
  });

  await test.step('the new coordinator sees the outbox', async () => {
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/espace$/);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Courriels envoyés' }).click();
    await expect(page).toHaveURL(/\/coordination\/courriels$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Courriels envoyés par la plateforme');
    await expect(page.locator('tr', { hasText: email }).first()).toContainText('Confirmez votre adresse e-mail');
    await expectAccessible(page);
  });
});
