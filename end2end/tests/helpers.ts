// Shared helpers for the browser tests. Every spec runs twice: in the
// `hydrated` project (JavaScript on, islands hydrate) and in the `nojs`
// project (plain HTML forms only).

import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
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

// Content-Security-Policy violations the browser reported on each page
// (Chromium logs them to the console, with or without JavaScript). Every
// page carries a nonce-based CSP; a violation fails `expectAccessible`.
const cspViolations = new WeakMap<Page, string[]>();

function watchCsp(page: Page): void {
  if (cspViolations.has(page)) return;
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Content-Security-Policy/i.test(text)) seen.push(`${page.url()}: ${text}`);
  });
}

/** Fails when the browser refused anything under the page's CSP. */
export function expectNoCspViolation(page: Page): void {
  expect(cspViolations.get(page) ?? [], 'Content-Security-Policy violations').toEqual([]);
}

/** Goes to `path` and waits until the page is usable. */
export async function visit(page: Page, path: string): Promise<void> {
  watchCsp(page);
  await page.goto(path);
  await ready(page);
}

/** The notice shown at the top of `main` after an action (role=status). */
export function notice(page: Page) {
  return page.locator('main .notice[role="status"]');
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

/** axe-core with the WCAG tags. Legacy mode: the app has no iframes, and the
 * default mode opens an extra blank page for every scan (3× slower). */
function axeBuilder(page: Page) {
  return new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS);
}

/** What the scanner page of each browser serves for the next scan. */
interface Scanner {
  page: Page;
  url: string;
  html: string;
}
const scanners = new WeakMap<Browser, Scanner>();

async function scannerFor(browser: Browser): Promise<Scanner> {
  const scanner = scanners.get(browser);
  if (scanner && !scanner.page.isClosed()) return scanner;
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  const created: Scanner = { page, url: '', html: '' };
  await page.route('**/*', (route) => {
    const req = route.request();
    if (req.isNavigationRequest() && req.url() === created.url) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: created.html });
    }
    const kind = req.resourceType();
    if (['script', 'fetch', 'xhr', 'websocket', 'eventsource'].includes(kind) || req.url().endsWith('.wasm')) {
      return route.abort();
    }
    return route.continue();
  });
  scanners.set(browser, created);
  return created;
}

/**
 * Runs axe-core on the page. With JavaScript disabled axe-core cannot run
 * there (the page's timers never fire, so `axe.run` never resolves): scan a
 * copy of the same DOM, without its scripts, in a page of the same browser
 * that lets the injected axe-core run. Style sheets and images load from the
 * server as usual; scripts and fetches are refused so that the copy stays
 * what a browser without JavaScript shows.
 */
async function axe(page: Page) {
  if (isHydrated()) return axeBuilder(page).analyze();
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser to open the copy of the page in');
  const scanner = await scannerFor(browser);
  scanner.url = page.url().split('#')[0];
  scanner.html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  await scanner.page.goto(scanner.url);
  return axeBuilder(scanner.page).analyze();
}

/**
 * Scans the page with axe-core for WCAG 2.1 A and AA (what RGAA 4.1
 * follows). A violation fails the test but does not stop it, so that one run
 * lists every page's problems.
 */
export async function expectAccessible(page: Page, label?: string): Promise<void> {
  const what = label ?? new URL(page.url()).pathname;
  expectNoCspViolation(page);
  await test.step(`axe-core: ${what}`, async () => {
    const results = await axe(page);
    let text = describe(results.violations);
    let count = results.violations.length;
    // axe-core no longer reports duplicate ids (its rule is deprecated), yet
    // RGAA 8.2 asks for valid code and a duplicated id breaks label[for] and
    // aria-describedby: check it here.
    const duplicates = await page
      .locator('[id]')
      .evaluateAll((els) => {
        const seen = new Map<string, string[]>();
        for (const el of els) {
          const html = el.outerHTML.slice(0, 120);
          seen.set(el.id, [...(seen.get(el.id) ?? []), html]);
        }
        return [...seen].filter(([, html]) => html.length > 1);
      });
    if (duplicates.length > 0) {
      count += duplicates.length;
      text +=
        (text ? '\n' : '') +
        duplicates
          .map(([id, html]) => `  [serious] duplicate-id (RGAA 8.2): id="${id}" is used ${html.length} times\n${html.map((h) => `    - ${h}`).join('\n')}`)
          .join('\n');
    }
    if (count > 0) {
      console.log(`\naxe-core violations on ${page.url()} (${projectName()}):\n${text}\n`);
    }
    expect.soft(count, `accessibility violations on ${page.url()}:\n${text}`).toBe(0);
  });
  await expectPhoneWidth(page, what);
}

/** No page scrolls sideways on a 375 px phone: checked on every page the
 *  tests scan, hydrated and without JavaScript. A wide table scrolls inside
 *  its own box (`.table-wrap`), which is fine. */
export async function expectPhoneWidth(page: Page, what: string): Promise<void> {
  await test.step(`375 px wide: ${what}`, async () => {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 375, height: size?.height ?? 800 });
    const wide = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      culprits: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 375.5 && !e.closest('.table-wrap'))
        .slice(0, 6)
        .map((e) => `<${e.tagName.toLowerCase()}${e.id ? ` id="${e.id}"` : ''}${e.className && typeof e.className === 'string' ? ` class="${e.className}"` : ''}>`),
    }));
    if (size) await page.setViewportSize(size);
    expect.soft(wide.width, `${what} is ${wide.width} px wide on a 375 px phone: ${wide.culprits.join(' ')}`).toBeLessThanOrEqual(375);
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
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = mail.text.match(new RegExp(`${escape(BASE_URL + path)}\\?jeton=[0-9a-f]{64}`));
  expect(m, `a link to ${path} in:\n${mail.text}`).not.toBeNull();
  return m![0];
}

// ---------------------------------------------------------------------------
// Account steps

/** Sign-up asks no password: it is chosen on the verification page. */
export async function signUp(page: Page, email: string, name: string) {
  await visit(page, '/inscription');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom et prénom').fill(name);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/inscription\/envoye$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre boîte mail');
}

/** Opens the verification link of the email sent to `email`. */
export async function openVerification(page: Page, email: string) {
  const mail = await waitForEmail(page.request, email, 'Confirmez votre adresse e-mail');
  await visit(page, linkIn(mail, '/verification'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirmer votre adresse e-mail');
}

/**
 * Opens the verification link of the email, chooses `password` and
 * confirms; ends signed in. `onConfirmPage` runs on the page with the
 * form (to scan it, say).
 */
export async function verifyFromEmail(
  page: Page,
  email: string,
  name: string,
  password: string,
  onConfirmPage?: (page: Page) => Promise<void>,
) {
  await openVerification(page, email);
  await onConfirmPage?.(page);
  // The name typed at sign-up, for the owner of the address to confirm.
  await expect(page.getByLabel('Nom et prénom')).toHaveValue(name);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(notice(page)).toHaveText('Votre adresse e-mail est confirmée.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name}`);
}

/** The password form is the first form of /connexion. */
let clients = 0;

/** Signs in from a client address of its own. Every browser test runs
 * from 127.0.0.1, where the demo accounts' sign-ins would add up against
 * the per-client limit (10 at once, then one a minute) over a whole run;
 * start-server.sh trusts `X-Forwarded-For`, so each signed-in page stands
 * for a different machine, as in real use. The limits themselves are
 * tested in server/tests/api/trust.rs. */
export async function signIn(page: Page, email: string, password: string) {
  clients += 1;
  await page.context().setExtraHTTPHeaders({
    'x-forwarded-for': `10.${process.pid % 250}.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`,
  });
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
