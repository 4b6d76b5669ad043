// Team formation (issue 14), hydrated and without JavaScript, on the demo:
// the programme team runs the engine on the promotion whose lists are
// locked, reads the result, adjusts a placement (refused without a reason,
// previewed, then saved) and validates (refused without the box ticked;
// the hydrated run leaves the validation to the run without JavaScript). On the promotion whose offers
// are out, a candidate declines, the seat goes to the next on the list,
// who accepts and opens their team's page. Every page is scanned.

import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expectAccessible, isHydrated, notice, signIn, visit } from './helpers';

const READY = 'Démo — constitution des équipes';
const OFFERING = 'Démo — propositions en cours';

/** The demo's address of a candidate of the offers' promotion. */
function addressOf(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[éèê]/g, 'e')
    .replace(/[ïî]/g, 'i')
    .replace(' ', '.');
  return `${ascii}@propositions.demo.cohorte.localhost`;
}

async function openTeams(page: Page, promotion: string): Promise<string> {
  await visit(page, '/coordination/promotions');
  await page.getByRole('link', { name: `Équipes — ${promotion}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Constitution des équipes');
  return new URL(page.url()).pathname;
}

test('the programme team runs, adjusts with a reason and validates', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.coordinator, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await openTeams(page, READY);
  await expect(page.locator('main')).toContainText('Chaque place a sa liste verrouillée');
  await expectAccessible(page, 'team formation');
  const run = page.getByRole('button', { name: 'Lancer le moteur' });
  if ((await run.count()) === 0) {
    // A run was validated (an earlier run of the tests): nothing changes.
    await expect(page.locator('main')).toContainText('est validée');
    return;
  }
  await run.click();
  await expect(page).toHaveURL(/\/equipes\/\d+$/);
  await expect(notice(page)).toHaveText('Exécution enregistrée : voici son résultat.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Résultat d'une exécution");
  await expect(page.locator('main')).toContainText('Paires bloquantes : 0.');
  await expect(page.locator('main figure.chart svg')).toBeVisible();
  await expectAccessible(page, 'a run');

  // A placed person, from the teams table.
  const placed = page.locator('#equipes ~ .table-wrap tbody td:nth-child(5)').filter({ hasNotText: '—' }).first();
  const name = (await placed.innerText()).split(',')[0].replace(' (ajustement)', '').trim();
  const form = page.locator('form[method="post"]').filter({ has: page.getByLabel('Motif') });
  await form.getByLabel('Personne').selectOption({ label: name });
  await form.getByLabel('Nouvelle place').selectOption({ label: '— Retirer sa place —' });
  await form.getByRole('button', { name: 'Voir les conséquences' }).click();
  await expect(page.locator('main')).toContainText('Donnez le motif de ce changement');
  const again = page.locator('form[method="post"]').filter({ has: page.getByLabel('Motif') });
  await again.getByLabel('Motif').fill("Conflit d'intérêts déclaré après les entretiens.");
  await again.getByRole('button', { name: 'Voir les conséquences' }).click();
  await expect(page.locator('main')).toContainText(`Avant d'enregistrer : ${name} → Place retirée`);
  // The reason never travels in the URL.
  expect(page.url()).not.toContain('motif');
  await expectAccessible(page, 'an adjustment previewed');
  await page.getByRole('button', { name: "Enregistrer l'ajustement" }).click();
  await expect(notice(page)).toHaveText('Ajustement enregistré.');
  await expect(page.locator('main')).toContainText("Vous n'avez pas de place, par décision de l'équipe du programme, motif : Conflit d'intérêts déclaré après les entretiens.");

  // Validation: the box first. Only the run without JavaScript (the
  // second) validates: the first one leaves the promotion to it.
  const validate = page.getByRole('button', { name: 'Valider et envoyer les propositions' });
  if ((await validate.count()) > 0) {
    await validate.click();
    await expect(page.locator('main')).toContainText('Cochez la case pour confirmer');
    await expectAccessible(page, 'validation refused');
    if (isHydrated()) return;
    await page.getByLabel("Je valide ce résultat et j'envoie les propositions.").check();
    await page.getByRole('button', { name: 'Valider et envoyer les propositions' }).click();
    const done = page.getByText('Exécution validée : les propositions sont envoyées.');
    const other = page.getByText('Une autre exécution de cette promotion est déjà validée.');
    await expect(done.or(other)).toBeVisible();
    if (await done.isVisible()) {
      await expect(page).toHaveURL(/\/propositions$/);
      await expect(page.locator('main')).toContainText('respecte toutes les règles');
      await expectAccessible(page, 'offers');
    }
  } else {
    await expect(page.locator('main')).toContainText('est validée');
  }
});

test('a candidate declines, the next on the list accepts and sees the team', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // One candidate per run, on different seats.
  const decliner = isHydrated() ? 'Yanis Fabre' : 'Jade Marchand';
  await signIn(page, addressOf(decliner), DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/espace$/);
  await visit(page, '/espace/propositions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes propositions');
  await expect(page.locator('main')).toContainText('Sans réponse avant la date indiquée');
  await expectAccessible(page, 'my offers');
  const card = page.locator('main li.card').filter({ has: page.getByRole('button', { name: /^Décliner/ }) }).first();
  const defi = (await card.locator('h3').innerText()).trim();
  await card.getByRole('button', { name: `Décliner la place du défi ${defi}` }).click();
  await expect(notice(page)).toHaveText('Vous avez décliné la proposition.');
  await expect(page.locator('main')).toContainText('Déclinée');

  // The programme team sees who is offered the seat now.
  const team = await (await browser.newContext({ javaScriptEnabled: isHydrated(), locale: 'fr-FR' })).newPage();
  await signIn(team, DEMO.coordinator, DEMO_PASSWORD);
  await expect(team).toHaveURL(/\/espace$/);
  const teams = await openTeams(team, OFFERING);
  await visit(team, teams.replace(/equipes$/, 'propositions'));
  await expect(team.getByRole('heading', { level: 1 })).toHaveText('Propositions');
  await expect(team.locator('main')).toContainText('respecte toutes les règles');
  await expectAccessible(team, 'offers, cascade in progress');
  const row = team
    .locator('#propositions ~ .table-wrap tbody tr')
    .filter({ hasText: defi })
    .filter({ hasText: 'En attente de réponse' })
    .filter({ hasNotText: decliner })
    .last();
  const next = (await row.locator('td').first().innerText()).trim();

  // The next one accepts, then opens the team's page.
  const them = await (await browser.newContext({ javaScriptEnabled: isHydrated(), locale: 'fr-FR' })).newPage();
  await signIn(them, addressOf(next), DEMO_PASSWORD);
  await expect(them).toHaveURL(/\/espace$/);
  await visit(them, '/espace/propositions');
  await them.getByRole('button', { name: `Accepter la place du défi ${defi}` }).click();
  await expect(notice(them)).toHaveText('Vous avez accepté la proposition. Vos autres propositions sont libérées ; vous restez en attente pour les défis que vous préférez.');
  await them.getByRole('link', { name: 'La page de votre équipe' }).click();
  await expect(them.getByRole('heading', { level: 1 })).toHaveText('Équipe du défi');
  await expect(them.locator('main')).toContainText(defi);
  await expect(them.locator('main')).toContainText(next);
  await expectAccessible(them, 'team page');

  // The programme team follows the contract to its signature: the seat is
  // final, and the candidate's page says so.
  await visit(team, teams.replace(/equipes$/, 'propositions'));
  const placement = team.locator('#placements ~ ul > li').filter({ has: team.getByRole('heading', { name: new RegExp(`^${next}`) }) });
  await placement.getByRole('button', { name: 'Passer à : Contrat en préparation' }).click();
  // (the audit's sound verdict is a status too: the flash comes first)
  await expect(notice(team).first()).toHaveText('Suivi du placement enregistré.');
  await team.locator('#placements ~ ul > li')
    .filter({ has: team.getByRole('heading', { name: new RegExp(`^${next}`) }) })
    .getByRole('button', { name: 'Passer à : Contrat signé' })
    .click();
  await expect(notice(team).first()).toHaveText('Suivi du placement enregistré.');
  await expectAccessible(team, 'offers, a contract signed');
  await visit(them, '/espace/propositions');
  await expect(them.locator('main')).toContainText('Contrat signé');
  await expectAccessible(them, 'my offers, contract signed');
});
