import { h, load, messageBox, busy, clear, buildForm, table } from '../dom';
import type { Page, Ctx } from '../app';
import type { Strategy, Money } from '../types';
import { dateTime, money } from '../lib/format';
import { isAdmin } from '../app';
import { secretPanel } from './devices';

interface Producer { id: string; name: string; strategyId: string; status: string; createdAt: string; rotatedAt?: string; previousSecretValidUntil?: string; revokedAt?: string; secret?: string; tradingViewToken?: string }
interface FraudCase { id: string; affiliateId: string; kind: string; status: string; detail: string; createdAt: string; referredUsers: string[]; commissions: { id: string; amount: Money; status: string }[]; resolvedAt?: string; note?: string }

export function tradingViewUrl(origin: string, token: string): string {
  return `${origin}/api/v1/hooks/tradingview/${encodeURIComponent(token)}`;
}

/** The strategy form's params: a JSON object, or the empty string for the defaults. */
export function parseParams(text: string): Record<string, unknown> | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const v = JSON.parse(t);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('Parameters must be a JSON object like {"rsiPeriod": 14}.');
  return v as Record<string, unknown>;
}

export const adminPage: Page = (ctx, main) => {
  if (!isAdmin(ctx)) {
    main.append(h('h1', null, 'Admin'), h('p', { class: 'msg error', role: 'alert' }, 'This page is for administrators.'));
    return;
  }
  const strategiesEl = h('div');
  const producersEl = h('div');
  const shown = h('div', { 'aria-live': 'polite' });
  const fraudEl = h('div');
  const runMsg = messageBox();
  const runOut = h('div', { 'aria-live': 'polite' });
  let strategies: Strategy[] = [];

  const reloadStrategies = () => load(strategiesEl, async () => (strategies = await ctx.api<Strategy[]>('GET', '/api/v1/strategies')), (ss) => renderStrategies(ctx, ss, reloadStrategies));
  const reloadProducers = () => load(producersEl, () => ctx.api<Producer[]>('GET', '/api/v1/producers'), (ps) => renderProducers(ctx, ps, strategies, shown, reloadProducers));

  const sf = buildForm(
    [
      { name: 'name', label: 'Name', required: true, hint: '3-80 characters, unique' },
      { name: 'kind', label: 'Kind', options: [['FIB_RSI', 'Fib-RSI engine'], ['EXTERNAL', 'Outside producer']] },
      { name: 'instrument', label: 'Instrument', value: 'EURUSD', hint: 'e.g. EURUSD, XAUUSD' },
      { name: 'timeframe', label: 'Timeframe', options: ['M1', 'M5', 'M15', 'M30', 'H1', 'H4', 'D1'].map((t) => [t, t]), value: 'H1' },
      { name: 'params', label: 'Parameters (JSON)', type: 'textarea', hint: 'optional; e.g. {"rsiPeriod": 14, "oversold": 30, "fibLevels": [0.5, 0.618]}' },
    ],
    'Create strategy',
    async (v, form) => {
      const body: Record<string, unknown> = { name: v.name, kind: v.kind, instrument: v.instrument, timeframe: v.timeframe };
      try {
        const p = parseParams(v.params);
        if (p) body.params = p;
      } catch (e) {
        throw Object.assign(new Error(e instanceof SyntaxError ? 'Parameters are not valid JSON.' : (e as Error).message));
      }
      const s = await ctx.api<Strategy>('POST', '/api/v1/strategies', body);
      form.msg.ok(`Created ${s.name}.`);
      await reloadStrategies();
      await reloadProducers();
    },
    'grid3',
  );

  const pf = buildForm(
    [
      { name: 'name', label: 'Producer name', required: true, hint: '3-80 characters' },
      { name: 'strategyId', label: 'Strategy', options: [] },
    ],
    'Create producer',
    async (v, form) => {
      const p = await ctx.api<Producer>('POST', '/api/v1/producers', v);
      clear(shown, secretPanel(`Credentials of ${p.name}`, [['Producer id', p.id], ['Secret', p.secret ?? ''], ['TradingView URL', tradingViewUrl(location.origin, p.tradingViewToken ?? '')]],
        'Shown only once: store the secret (HMAC signing) and the TradingView webhook URL now. Anyone with the URL can post signals for this producer.'));
      form.form.reset();
      await reloadProducers();
    },
  );

  const runBtn = h('button', { type: 'button', class: 'primary' }, 'Run payouts now') as HTMLButtonElement;
  runBtn.addEventListener('click', () => void busy(runBtn, runMsg, async () => {
    const r = await ctx.api<Record<string, number>>('POST', '/api/v1/payouts/run');
    clear(runOut, h('p', { class: 'msg ok' }, `Run finished: ${r.requested ?? 0} requested, ${r.paid ?? 0} paid, ${r.failed ?? 0} failed, ${r.retrying ?? 0} retrying, ${r.recovered ?? 0} recovered.`));
  }));

  const statusSel = h('select', { id: 'fraud-status' }, ['OPEN', 'APPROVED', 'REJECTED'].map((s) => h('option', { value: s }, s))) as HTMLSelectElement;
  const reloadFraud = () => load(fraudEl, () => ctx.api<FraudCase[]>('GET', '/api/v1/affiliates/fraud-cases?status=' + statusSel.value), (cs) => renderFraud(ctx, cs, reloadFraud));
  statusSel.addEventListener('change', () => void reloadFraud());

  main.append(
    h('h1', null, 'Admin'),
    h('section', { class: 'card' }, h('h2', null, 'Create a strategy'), sf.form),
    h('section', null, h('h2', null, 'Strategies'), strategiesEl),
    h('section', { class: 'card' }, h('h2', null, 'Create a producer'), pf.form),
    shown,
    h('section', null, h('h2', null, 'Producers'), producersEl),
    h('section', null, h('h2', null, 'Fraud cases'), h('div', { class: 'field inline' }, h('label', { for: 'fraud-status' }, 'Status'), statusSel), fraudEl),
    h('section', { class: 'card' }, h('h2', null, 'Payouts'), h('p', null, 'Pays every released balance over its threshold now (the scheduled run does the same daily).'), runBtn, runMsg, runOut),
  );
  void reloadStrategies().then(() => {
    const sel = pf.input('strategyId') as HTMLSelectElement;
    clear(sel, strategies.filter((s) => !s.retiredAt && s.kind === 'EXTERNAL').map((s) => h('option', { value: s.id }, `${s.name} (${s.instrument})`)));
    return reloadProducers();
  });
  void reloadFraud();
};

function renderStrategies(ctx: Ctx, ss: Strategy[], reload: () => Promise<unknown>): HTMLElement {
  if (!ss.length) return h('p', { class: 'empty' }, 'No strategies.');
  return table(['Name', 'Kind', 'Market', 'Parameters', ''], ss.map((s) => {
    const msg = messageBox();
    const b = h('button', { type: 'button', class: 'small danger' }, 'Retire') as HTMLButtonElement;
    b.addEventListener('click', () => {
      if (!confirm(`Retire ${s.name}? This is final: its followers get no more approvals.`)) return;
      void busy(b, msg, async () => { await ctx.api('POST', `/api/v1/strategies/${s.id}/retire`); await reload(); });
    });
    return [h('a', { href: '/strategies/' + s.id }, s.name), s.kind, `${s.instrument} ${s.timeframe}`,
      h('code', { class: 'params' }, JSON.stringify(s.params ?? {})), s.retiredAt ? 'retired ' + dateTime(s.retiredAt) : h('div', { class: 'row-actions' }, b, msg)];
  }));
}

function renderProducers(ctx: Ctx, ps: Producer[], ss: Strategy[], shown: HTMLElement, reload: () => Promise<unknown>): HTMLElement {
  if (!ps.length) return h('p', { class: 'empty' }, 'No producers.');
  const names = new Map(ss.map((s) => [s.id, s.name]));
  return table(['Name', 'Strategy', 'Status', 'Created', 'Rotated', ''], ps.map((p) => {
    const msg = messageBox();
    const rot = h('button', { type: 'button', class: 'small' }, 'Rotate secret') as HTMLButtonElement;
    const tv = h('button', { type: 'button', class: 'small' }, 'New TradingView URL') as HTMLButtonElement;
    const rev = h('button', { type: 'button', class: 'small danger' }, 'Revoke') as HTMLButtonElement;
    rot.addEventListener('click', () => void busy(rot, msg, async () => {
      const r = await ctx.api<{ secret: string; previousSecretValidUntil: string }>('POST', `/api/v1/producers/${p.id}/rotate`);
      clear(shown, secretPanel(`New secret of ${p.name}`, [['Producer id', p.id], ['Secret', r.secret]], `Shown only once. The previous secret works until ${dateTime(r.previousSecretValidUntil)}.`));
      await reload();
    }));
    tv.addEventListener('click', () => void busy(tv, msg, async () => {
      const r = await ctx.api<{ tradingViewToken: string }>('POST', `/api/v1/producers/${p.id}/rotate-tradingview-token`);
      clear(shown, secretPanel(`New TradingView URL of ${p.name}`, [['TradingView URL', tradingViewUrl(location.origin, r.tradingViewToken)]], 'Shown only once. The old URL stopped working now.'));
    }));
    rev.addEventListener('click', () => {
      if (!confirm(`Revoke ${p.name}? Every later request of it is refused.`)) return;
      void busy(rev, msg, async () => { await ctx.api('DELETE', `/api/v1/producers/${p.id}`); await reload(); });
    });
    return [h('strong', null, p.name), names.get(p.strategyId) ?? p.strategyId, p.status, dateTime(p.createdAt), dateTime(p.rotatedAt),
      p.status === 'ACTIVE' ? h('div', { class: 'row-actions' }, rot, tv, rev, msg) : 'revoked ' + dateTime(p.revokedAt)];
  }));
}

function renderFraud(ctx: Ctx, cs: FraudCase[], reload: () => Promise<unknown>): HTMLElement {
  if (!cs.length) return h('p', { class: 'empty' }, 'No cases.');
  return h('div', null, cs.map((c) => {
    const held = c.commissions.map((x) => money(x.amount)).join(', ') || 'none';
    let resolve: HTMLElement | null = null;
    if (c.status === 'OPEN') {
      const f = buildForm(
        [
          { name: 'decision', label: 'Decision', options: [['APPROVE', 'Approve: release the commissions'], ['REJECT', 'Reject: void them']] },
          { name: 'note', label: 'Note', required: true, hint: '1-2000 characters, kept with the case' },
        ],
        'Resolve',
        async (v) => { await ctx.api('POST', `/api/v1/affiliates/fraud-cases/${c.id}/resolve`, v); await reload(); },
      );
      resolve = f.form;
    }
    return h('article', { class: 'card' },
      h('h3', null, c.kind, ' ', h('span', { class: 'badge ' + c.status.toLowerCase() }, c.status)),
      h('p', null, c.detail),
      h('p', { class: 'muted' }, `Affiliate ${c.affiliateId} · ${c.referredUsers.length} referred user(s) · held: ${held} · opened ${dateTime(c.createdAt)}`),
      c.note ? h('p', null, 'Note: ', c.note, ' (', dateTime(c.resolvedAt), ')') : null,
      resolve,
    );
  }));
}
