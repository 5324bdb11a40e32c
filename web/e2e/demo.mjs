// The newcomer's path on ./run.sh, in real headless Chromium: log in as the demo trader, find the
// demo signal waiting in the approval queue, approve it, and watch the simulated terminal fill it,
// live. Usage (with ./run.sh running): cd web && node e2e/demo.mjs [http://127.0.0.1:8080]
import { chromium } from 'playwright-core';

const BASE = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(BASE + '/');
  await page.getByLabel('Email').fill('trader@signaldesk.local');
  await page.getByLabel('Password').fill('demo-trader-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Approval queue' }).waitFor({ timeout: 15_000 });
  const card = page.locator('article[data-signal-id]').filter({ has: page.getByRole('button', { name: 'Approve' }) }).first();
  await card.waitFor({ timeout: 20_000 });
  const signalId = await card.getAttribute('data-signal-id');
  console.log('DEMO: the demo signal is waiting: ' + signalId);
  await card.getByRole('button', { name: 'Approve' }).click();
  await page.locator(`article[data-signal-id="${signalId}"][data-execution="FILLED"]`).waitFor({ timeout: 40_000 });
  console.log('DEMO: approved in the browser and FILLED by the simulated terminal, without a reload');
  await page.screenshot({ path: process.env.SCREENSHOT ?? 'target/demo-filled.png', fullPage: true });
} finally {
  await browser.close();
}
