import { h, load, messageBox, busy, clear, copyButton } from '../dom';
import type { Page, Ctx } from '../app';
import { dateTime } from '../lib/format';

interface Plan { name: string; price: string; currency: string; entitlements: { maxDevices: number; maxSubscriptions: number } }
interface Sub { tier: string; status: string; currentPeriodEnd?: string; cancelAtPeriodEnd: boolean; entitlements: { maxDevices: number; maxSubscriptions: number } }

export const accountPage: Page = (ctx, main) => {
  const planEl = h('div');
  const tgEl = h('div');
  main.append(
    h('h1', null, 'Plan & Telegram'),
    h('section', null, h('h2', null, 'Your plan'), planEl),
    h('section', { class: 'card' }, h('h2', null, 'Telegram alerts'), tgEl),
  );
  const reloadPlan = () =>
    load(planEl, () => Promise.all([ctx.api<Plan[]>('GET', '/api/v1/billing/plans'), ctx.api<Sub>('GET', '/api/v1/billing/subscription')]), ([plans, sub]) => renderPlans(ctx, plans, sub, reloadPlan));
  void reloadPlan();
  const reloadTg = () => load(tgEl, () => ctx.api<{ linked: boolean; linkedAt?: string; chat?: string }>('GET', '/api/v1/telegram/link'), (l) => renderTelegram(ctx, l, reloadTg));
  void reloadTg();
};

function renderPlans(ctx: Ctx, plans: Plan[], sub: Sub, reload: () => Promise<unknown>): HTMLElement {
  const msg = messageBox();
  const cancel = h('button', { type: 'button', class: 'small danger' }, 'Cancel at period end') as HTMLButtonElement;
  cancel.addEventListener('click', () => void busy(cancel, msg, async () => { await ctx.api('POST', '/api/v1/billing/subscription/cancel'); await reload(); }));
  return h('div', null,
    h('p', null, 'Current plan: ', h('strong', null, sub.tier), sub.status === 'NONE' ? '' : ` (${sub.status.toLowerCase().replace(/_/g, ' ')})`,
      sub.currentPeriodEnd ? ` · period ends ${dateTime(sub.currentPeriodEnd)}` : '',
      sub.cancelAtPeriodEnd ? ' · cancels at period end' : '',
      ` · up to ${sub.entitlements.maxDevices} devices and ${sub.entitlements.maxSubscriptions} subscriptions`),
    sub.status === 'ACTIVE' && !sub.cancelAtPeriodEnd ? h('p', null, cancel) : null,
    msg,
    h('div', { class: 'plans' }, plans.map((p) => {
      const pm = messageBox();
      const buy = h('button', { type: 'button', class: 'primary' }, 'Choose ' + p.name) as HTMLButtonElement;
      buy.addEventListener('click', () => void busy(buy, pm, async () => {
        const r = await ctx.api<{ url: string }>('POST', '/api/v1/billing/checkout', { plan: p.name });
        location.assign(r.url);
      }));
      return h('article', { class: 'card plan' + (p.name === sub.tier ? ' current' : '') },
        h('h3', null, p.name),
        h('p', { class: 'price' }, `${p.price} ${p.currency}`, h('span', { class: 'muted' }, ' / month')),
        h('p', null, `${p.entitlements.maxDevices} devices, ${p.entitlements.maxSubscriptions} subscriptions`),
        p.name === sub.tier ? h('p', { class: 'badge approved' }, 'your plan') : Number(p.price) > 0 ? buy : null,
        pm,
      );
    })),
  );
}

function renderTelegram(ctx: Ctx, l: { linked: boolean; linkedAt?: string; chat?: string }, reload: () => Promise<unknown>): HTMLElement {
  const msg = messageBox();
  const out = h('div', { 'aria-live': 'polite' });
  const link = h('button', { type: 'button', class: 'primary' }, l.linked ? 'Link another chat' : 'Link Telegram') as HTMLButtonElement;
  link.addEventListener('click', () => void busy(link, msg, async () => {
    const r = await ctx.api<{ code: string; deepLink: string; expiresAt: string }>('POST', '/api/v1/telegram/link');
    clear(out, h('p', null, 'Open ', h('a', { href: r.deepLink, target: '_blank', rel: 'noopener noreferrer' }, r.deepLink), ' ', copyButton(() => r.deepLink), ` and press Start (valid until ${dateTime(r.expiresAt)}).`));
  }));
  const unlink = h('button', { type: 'button', class: 'small danger' }, 'Unlink') as HTMLButtonElement;
  unlink.addEventListener('click', () => void busy(unlink, msg, async () => { await ctx.api('DELETE', '/api/v1/telegram/link'); await reload(); }));
  return h('div', null,
    h('p', null, l.linked ? `Linked to chat ${l.chat ?? ''} since ${dateTime(l.linkedAt)}: new approvals, guards, divergences and fills are sent there.` : 'Not linked: link a chat to get alerts with Approve / Reject buttons.'),
    h('p', { class: 'row-actions' }, link, l.linked ? unlink : null),
    out,
    msg,
  );
}
