import { h, load, messageBox, busy, clear, copyButton, table } from '../dom';
import type { Page, Ctx } from '../app';
import type { Money } from '../types';
import { dateTime, money } from '../lib/format';
import { ApiError } from '../lib/problem';

interface Affiliate { id: string; code: string; link: string }
interface Dashboard {
  clicks: number;
  signups: number;
  payingReferrals: number;
  conversionRate: string;
  earnings: { pending: Money; available: Money; paid: Money; owed: Money }[];
  monthly: { month: string; clicks: number; signups: number; earnings: Money[] }[];
}
interface Payouts {
  connect: string;
  balances: { currency: string; payable: string; reserved: string; available: string; threshold?: string }[];
  payouts: { id: string; state: string; amount: Money; transferId?: string; attempts: number; failureReason?: string; createdAt: string; paidAt?: string }[];
}

export const affiliatePage: Page = (ctx, main) => {
  const body = h('div');
  main.append(h('h1', null, 'Affiliate'), body);
  const reload = () => load(body, async () => {
    try {
      return await ctx.api<Affiliate>('GET', '/api/v1/affiliates/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, (a) => (a ? enrolled(ctx, a) : notEnrolled(ctx, reload)));
  void reload();
};

function notEnrolled(ctx: Ctx, reload: () => Promise<unknown>): HTMLElement {
  const msg = messageBox();
  const b = h('button', { type: 'button', class: 'primary' }, 'Become an affiliate') as HTMLButtonElement;
  b.addEventListener('click', () => void busy(b, msg, async () => { await ctx.api('POST', '/api/v1/affiliates'); await reload(); }));
  return h('section', { class: 'card' }, h('p', null, 'Refer traders and earn a share of what they pay, every month for a year.'), b, msg);
}

function bar(value: number, max: number, label: string): HTMLElement {
  const m = h('meter', { min: 0, max: Math.max(max, 1), value, 'aria-label': label });
  return h('div', { class: 'funnel-step' }, h('span', { class: 'funnel-label' }, label), m, h('strong', null, String(value)));
}

function enrolled(ctx: Ctx, a: Affiliate): HTMLElement {
  const dash = h('div');
  const pay = h('div');
  void load(dash, () => ctx.api<Dashboard>('GET', '/api/v1/affiliates/me/dashboard'), (d) => {
    const max = Math.max(d.clicks, d.signups, d.payingReferrals, 1);
    const maxMonth = Math.max(...d.monthly.map((m) => Number(m.earnings[0]?.amount ?? 0)), 0);
    return h('div', null,
      h('div', { class: 'funnel card', role: 'group', 'aria-label': 'Funnel' },
        bar(d.clicks, max, 'Clicks'), bar(d.signups, max, 'Signups'), bar(d.payingReferrals, max, 'Paying'),
        h('p', { class: 'muted' }, `Conversion (paying / clicks): ${(Number(d.conversionRate) * 100).toFixed(2)} %`)),
      d.earnings.length
        ? table(['Pending', 'Available', 'Paid', 'Owed (clawback)'], d.earnings.map((e) => [money(e.pending), money(e.available), money(e.paid), money(e.owed)]), 'Earnings')
        : h('p', null, 'No earnings yet.'),
      h('h3', null, 'Last 12 months'),
      h('div', { class: 'months' }, d.monthly.map((m) => {
        const amt = Number(m.earnings[0]?.amount ?? 0);
        return h('div', { class: 'month' },
          h('meter', { min: 0, max: Math.max(maxMonth, 1), value: amt, 'aria-label': `${m.month} earnings` }),
          h('span', null, m.month.slice(2)), h('span', { class: 'muted' }, m.earnings.map(money).join(', ') || '0'));
      })),
    );
  });
  void load(pay, () => ctx.api<Payouts>('GET', '/api/v1/payouts/me'), (p) => {
    const msg = messageBox();
    const connect = h('button', { type: 'button', class: p.connect === 'CONNECTED' ? 'small' : 'primary' }, p.connect === 'CONNECTED' ? 'Update payout details' : 'Set up payouts (Stripe)') as HTMLButtonElement;
    connect.addEventListener('click', () => void busy(connect, msg, async () => {
      const r = await ctx.api<{ url: string }>('POST', '/api/v1/payouts/connect');
      location.assign(r.url);
    }));
    return h('div', null,
      h('p', null, 'Stripe Connect: ', h('strong', null, p.connect === 'CONNECTED' ? 'connected' : 'not connected'), ' ', connect),
      msg,
      p.balances.length ? table(['Currency', 'Payable', 'Reserved', 'Available', 'Threshold'], p.balances.map((b) => [b.currency, b.payable, b.reserved, b.available, b.threshold ?? '—'])) : null,
      p.payouts.length
        ? table(['Created', 'Amount', 'State', 'Transfer', 'Paid'], p.payouts.map((x) => [dateTime(x.createdAt), money(x.amount), x.state + (x.failureReason ? ': ' + x.failureReason : ''), x.transferId ?? '—', dateTime(x.paidAt)]), 'Payouts')
        : h('p', null, 'No payouts yet.'),
    );
  });
  const link = h('code', { class: 'secret-value' }, a.link);
  return h('div', null,
    h('section', { class: 'card' }, h('h2', null, 'Your referral link'), h('p', { class: 'secret-row' }, link, copyButton(() => a.link, 'Copy link')), h('p', { class: 'muted' }, 'Code ', a.code)),
    h('section', null, h('h2', null, 'Funnel and earnings'), dash),
    h('section', { class: 'card' }, h('h2', null, 'Payouts'), pay),
  );
}

export { clear };
