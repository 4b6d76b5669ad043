// Shared helpers for the browser tests. Every spec runs twice: in the
// `hydrated` project (JavaScript on, islands hydrate) and in the `nojs`
// project (plain HTML forms only).

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';

export const BASE_URL = 'http://127.0.0.1:3000';
export const MAILDEV_URL = 'http://127.0.0.1:1080';

/** Password of every account `cohorte seed-demo` creates. */
export const DEMO_PASSWORD = 'demo-cohorte-2027';
export const DEMO = {
  admin: 'admin@demo.cohorte.localhost',
  coordinator: 'coordination@demo.cohorte.localhost',
  host: 'hote@demo.cohorte.localhost',
  reviewer: 'jury@demo.cohorte.localhost',
  applicant: 'candidat@demo.cohorte.localhost',
} as const;

export function projectName(): string {
  return test.info().project.name;
}

export function isHydrated(): boolean {
  return projectName() === 'hydrated';
}

/**
 * An address no other test (nor the other project, nor an earlier run
 * against a reused server) uses: the tests share one server and one mailbox.
 */
export function uniqueEmail(who: string): string {
  const info = test.info();
  const salt = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  return `${who}+${info.project.name}-${salt}@example.org`.toLowerCase();
}

/** The show/hide button of the password island (any language). */
export function passwordToggle(page: Page) {
  return page.getByRole('button', {
    name: /^(Afficher le mot de passe|Masquer le mot de passe|Show password|Hide password)$/,
    includeHidden: true,
  });
}

/**
 * Waits until the page can be used like a person would. In the hydrated
 * project, clicks and typing before the islands hydrate are lost, so when the
 * page has a password field (the only island) wait for hydration: the server
 * renders the island's show/hide button with the `hidden` attribute and
 * hydration removes it. (The attribute, not visibility: see islands.spec.ts.)
 */
export async function ready(page: Page): Promise<void> {
  if (!isHydrated()) return;
  if ((await page.locator('input[type="password"]').count()) === 0) return;
  await expect(passwordToggle(page).first()).not.toHaveAttribute('hidden', { timeout: 15_000 });
}

/** Goes to `path` and waits until the page is usable. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await ready(page);
}

/** The notice shown at the top of `main` after an action (role=status). */
export function notice(page: Page) {
  return page.locator('main [role="status"]');
}

// ---------------------------------------------------------------------------
// Accessibility

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary ?? '').replace(/\n\s*/g, ' ');
          return `    - ${n.target.join(' ')}\n      ${n.html}\n      ${summary}`;
        })
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Scans the page with axe-core for WCAG 2.1 A and AA (what RGAA 4.1
 * follows). A violation fails the test but does not stop it, so that one run
 * lists every page's problems.
 */
export async function expectAccessible(page: Page, label?: string): Promise<void> {
  const what = label ?? new URL(page.url()).pathname;
  await test.step(`axe-core: ${what}`, async () => {
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const text = describe(results.violations);
    if (results.violations.length > 0) {
      console.log(`\naxe-core violations on ${page.url()} (${projectName()}):\n${text}\n`);
    }
    expect
      .soft(results.violations.length, `axe-core violations on ${page.url()}:\n${text}`)
      .toBe(0);
  });
}

// ---------------------------------------------------------------------------
// Email (maildev's REST API)

export interface Mail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  date?: string;
}

/**
 * Waits for the email with this subject sent to `to` (the worker sends
 * within about a second) and returns the newest one.
 */
export async function waitForEmail(
  request: APIRequestContext,
  to: string,
  subject: string,
  timeout = 10_000,
): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(`${MAILDEV_URL}/api/email`);
        if (!res.ok()) return undefined;
        const all = (await res.json()) as Mail[];
        found = all
          .filter(
            (m) =>
              m.subject === subject &&
              m.to?.some((r) => r.address.toLowerCase() === to.toLowerCase()),
          )
          .at(-1);
        return found?.subject;
      },
      { message: `email "${subject}" to ${to}`, timeout, intervals: [200, 300, 500] },
    )
    .toBe(subject);
  return found!;
}

/** The link to `path` (with its `jeton`) in the text of an email. */
export function linkIn(mail: Mail, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = mail.text.match(new RegExp(`${BASE_URL}${escaped}\\?jeton=[0-9a-f]{64}`));
  expect(m, `a link to ${path} in:\n${mail.text}`).not.toBeNull();
  return m![0];
}

// ---------------------------------------------------------------------------
// Account steps

export async function signUp(page: Page, email: string, name: string, password: string) {
  await visit(page, '/inscription');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom et prénom').fill(name);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/inscription\/envoye$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail');
}

/** Opens the verification link of the email and confirms; ends signed in. */
export async function verifyFromEmail(page: Page, email: string, name: string) {
  const mail = await waitForEmail(page.request, email, 'Confirmez votre adresse e-mail');
  await visit(page, linkIn(mail, '/verification'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmer votre adresse e-mail');
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(notice(page)).toHaveText('Votre adresse e-mail est confirmée.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name}`);
}

/** The password form is the first form of /connexion. */
export async function signIn(page: Page, email: string, password: string) {
  await visit(page, '/connexion');
  const form = page.locator('main form').first();
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Se connecter' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(notice(page)).toHaveText('Vous êtes déconnecté·e.');
  await ready(page);
}
