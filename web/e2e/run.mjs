// End-to-end tests of the console in real headless Chromium (Debian's, driven by playwright-core:
// no browser download) against a running suite. Run by system-tests' ConsoleE2EIT, which starts
// the suite, seeds it and publishes a signal when this script asks for one on stdout
// ("E2E:PUBLISH"), answering on stdin ("E2E:PUBLISHED <signalId>").
//
// Env: BASE_URL, TRADER_EMAIL, TRADER_PASSWORD, ADMIN_EMAIL, ADMIN_PASSWORD, ENGINE_STRATEGY_ID,
// EXTERNAL_STRATEGY_NAME, CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (default target/screenshots).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`${k} is not set`);
  return v;
};
const BASE = env('BASE_URL').replace(/\/$/, '');
const SHOTS = resolve(env('SCREENSHOTS', 'target/screenshots'));
mkdirSync(SHOTS, { recursive: true });

const stdinLines = createInterface({ input: process.stdin });
const waiting = [];
stdinLines.on('line', (l) => waiting.shift()?.(l));
const ask = (line) =>
  new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error('no answer to ' + line)), 60_000);
    waiting.push((l) => (clearTimeout(t), res(l)));
    process.stdout.write(line + '\n');
  });

const results = [];
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`E2E:PASS ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`E2E:FAIL ${name}: ${e?.message ?? e}`);
    await page?.screenshot({ path: join(SHOTS, 'failure-' + name.replace(/\W+/g, '-') + '.png'), fullPage: true }).catch(() => {});
    throw e;
  }
}
const expect = (cond, msg) => {
  if (!cond) throw new Error(msg);
};

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  // the machine's closed network: no background connections, no first-run or update checks;
  // playwright gives each launch a new empty profile (user data dir) of its own
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: BASE });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE }).catch(() => {});
let page = await context.newPage();
const problems = [];
const watch = (p) => {
  p.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(`CSP on ${p.url()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error on ${p.url()}: ${e.message}`));
};
watch(page);
const shot = (name, opts = {}) => page.screenshot({ path: join(SHOTS, name + '.png'), fullPage: true, ...opts });

async function signIn(email, password) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Approval queue' }).waitFor({ timeout: 15_000 });
}

let exit = 0;
try {
  await step('wrong password shows the problem next to the form', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(env('TRADER_EMAIL'));
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor({ timeout: 10_000 });
    await shot('01-login-error');
  });

  await step('trader signs in; the queue is live over the stream', async () => {
    await signIn(env('TRADER_EMAIL'), env('TRADER_PASSWORD'));
    await page.locator('.live[data-state="live"]').waitFor({ timeout: 15_000 });
  });

  await step('a reload keeps the session (silent refresh from the httpOnly cookie)', async () => {
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'sd_refresh');
    expect(refresh, 'no sd_refresh cookie after login');
    expect(refresh.httpOnly, 'sd_refresh must be httpOnly');
    expect(refresh.sameSite === 'Strict', 'sd_refresh must be SameSite=Strict, is ' + refresh.sameSite);
    expect(refresh.path === '/api/v1/auth', 'sd_refresh path is ' + refresh.path);
    const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie);
    expect(!/eyJ/.test(stored), 'a token is readable from storage or document.cookie: ' + stored);
    await page.reload();
    await page.getByRole('heading', { name: 'Approval queue' }).waitFor({ timeout: 15_000 });
    await page.locator('.live[data-state="live"]').waitFor({ timeout: 15_000 });
  });

  let signalId;
  await step('a signal published through the API appears live, without a reload', async () => {
    const answer = await ask('E2E:PUBLISH');
    signalId = answer.split(' ')[1];
    expect(signalId, 'no signal id in ' + answer);
    const card = page.locator(`article[data-signal-id="${signalId}"]`);
    await card.waitFor({ timeout: 20_000 });
    expect((await card.getAttribute('data-status')) === 'PENDING', 'not pending');
    const countdownText = await card.locator('.countdown').textContent();
    expect(/expires in \d+m \d\ds|expires in \d+h/.test(countdownText), 'countdown: ' + countdownText);
    const sizing = await card.locator('.sizing').textContent();
    expect(/Fixed size: 0\.10 lots/.test(sizing), 'sizing: ' + sizing);
    await card.scrollIntoViewIfNeeded();
    await shot('02-approval-queue');
  });

  await step('a volume above the maximum is refused next to the action', async () => {
    const card = page.locator(`article[data-signal-id="${signalId}"]`);
    await card.getByLabel('Volume (lots)').fill('5.00');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByRole('alert').waitFor({ timeout: 10_000 });
    const text = await card.getByRole('alert').textContent();
    expect(text.length > 5, 'empty message');
    expect((await card.getAttribute('data-status')) === 'PENDING', 'should still be pending');
  });

  await step('approve; the simulated terminal fills it and the card shows FILLED live', async () => {
    const card = page.locator(`article[data-signal-id="${signalId}"]`);
    await card.getByLabel('Volume (lots)').fill('0.20');
    // by keyboard: focus the button and press Enter
    await card.getByRole('button', { name: 'Approve' }).focus();
    await page.keyboard.press('Enter');
    await page.locator(`article[data-signal-id="${signalId}"][data-execution="FILLED"]`).waitFor({ timeout: 40_000 });
    const exec = await card.locator('.exec').textContent();
    expect(/FILLED 0\.2/.test(exec), 'execution: ' + exec);
    expect(await card.locator('.decide').isHidden(), 'a decided approval still offers Approve / Reject');
    await shot('03-approval-filled');
  });

  await step('register a device and see its secret once', async () => {
    await page.getByRole('link', { name: 'Devices' }).click();
    await page.getByRole('heading', { name: 'Devices', exact: true }).waitFor();
    await page.getByLabel('Name').fill('Browser MT5');
    await page.getByLabel('Broker account').fill('E2E' + Date.now().toString().slice(-8));
    await page.getByLabel('Broker server').fill('Demo-Server');
    await page.getByRole('button', { name: 'Register device' }).click();
    const secret = page.locator('code[data-secret="Secret"]');
    await secret.waitFor({ timeout: 10_000 });
    const value = (await secret.textContent()).trim();
    expect(value.length >= 16, 'secret: ' + value);
    await page.getByRole('button', { name: 'Copy Secret' }).click();
    await page.getByText('Copied').waitFor({ timeout: 5_000 }).catch(() => {});
    await page.getByRole('cell', { name: 'Browser MT5' }).waitFor();
    await shot('04-devices-secret');
    await page.reload();
    await page.getByRole('cell', { name: 'Browser MT5' }).waitFor({ timeout: 10_000 });
    expect(!(await page.content()).includes(value), 'the secret is shown again after a reload');
  });

  await step('strategy page draws candles, signals and their lines', async () => {
    await page.goto('/strategies/' + env('ENGINE_STRATEGY_ID'));
    await page.locator('.chart canvas').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Show lines' }).first().waitFor({ timeout: 15_000 });
    const legend = await page.locator('.legend').textContent();
    expect(/entry .* stop loss .* take profit/.test(legend), 'legend: ' + legend);
    await page.waitForTimeout(500);
    await shot('05-strategy-chart');
  });

  for (const [link, heading, name] of [
    ['Positions', 'Positions & reconciliation', '06-positions'],
    ['Subscriptions', 'Subscriptions', '07-subscriptions'],
    ['Plan & Telegram', 'Plan & Telegram', '08-plan'],
    ['Affiliate', 'Affiliate', '09-affiliate'],
  ]) {
    await step(`${link} page loads without an error`, async () => {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
      const errors = await page.locator('.msg.error').allTextContents();
      expect(errors.length === 0, 'errors shown: ' + errors.join(' | '));
      await shot(name);
    });
  }

  await step('phone-sized layout of the queue', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
    await page.locator('.live[data-state="live"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 1, 'horizontal overflow of ' + overflow + 'px');
    await shot('10-approvals-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await step('sign out ends the session (a reload stays signed out)', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const cookies = await context.cookies();
    expect(!cookies.find((c) => c.name === 'sd_refresh' && c.value), 'sd_refresh still set after logout');
  });

  await step('an admin creates a producer and sees its secret and TradingView URL once', async () => {
    await signIn(env('ADMIN_EMAIL'), env('ADMIN_PASSWORD'));
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Create a producer' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
    // a validation problem lands next to its field
    await page.getByLabel('Producer name').fill('x');
    await page.getByRole('button', { name: 'Create producer' }).click();
    const fieldError = page.locator('.field-error').filter({ hasText: /./ }).first();
    await fieldError.waitFor({ timeout: 10_000 });
    await page.getByLabel('Producer name').fill('Browser producer ' + Date.now());
    const options = await page.getByLabel('Strategy', { exact: true }).locator('option').allTextContents();
    const wanted = options.find((o) => o.startsWith(env('EXTERNAL_STRATEGY_NAME')));
    expect(wanted, 'strategy not offered: ' + options.join(', '));
    await page.getByLabel('Strategy', { exact: true }).selectOption({ label: wanted });
    await page.getByRole('button', { name: 'Create producer' }).click();
    const url = page.locator('code[data-secret="TradingView URL"]');
    await url.waitFor({ timeout: 10_000 });
    expect((await url.textContent()).startsWith(BASE + '/api/v1/hooks/tradingview/'), 'url: ' + (await url.textContent()));
    expect(((await page.locator('code[data-secret="Secret"]').textContent()) ?? '').length >= 16, 'no secret');
    await page.getByRole('button', { name: 'Create producer' }).and(page.locator(':not([aria-busy])')).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
    await shot('11-admin-producer');
  });

  await step('no CSP violation or script error on any page', async () => {
    expect(problems.length === 0, problems.join('\n'));
  });
} catch {
  exit = 1;
} finally {
  await browser.close().catch(() => {});
  stdinLines.close();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`E2E:DONE ${results.length - failed} passed, ${failed} failed; screenshots in ${SHOTS}`);
  process.exit(exit);
}
