import { h, clear, messageBox, busy, uid, load } from '../dom';

interface History { fromStatus?: string; toStatus: string; actor: string; reason?: string; volume?: string | number; at: string }
import type { Page, Ctx } from '../app';
import type { Approval, Subscription, Strategy } from '../types';
import { countdown, sizingText, dateTime } from '../lib/format';
import { keepStreaming, type StreamState } from '../lib/sse';

interface Context {
  subs: Map<string, Subscription>;
  strategies: Map<string, Strategy>;
  equity: Map<string, string>;
}

const STATUS_TEXT: Record<string, string> = {
  PENDING: 'Waiting for you',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
};

export function executionText(a: Approval): string {
  const e = a.execution;
  if (!e) return a.status === 'APPROVED' ? 'Sending to your terminal…' : '';
  switch (e.status) {
    case 'PENDING':
      return 'Queued for your terminal';
    case 'LEASED':
      return 'Your terminal is executing it';
    case 'FILLED':
      return `FILLED${e.volume !== undefined ? ' ' + e.volume + ' lots' : ''}${e.price !== undefined ? ' at ' + e.price : ''}${e.ticket !== undefined ? ', ticket ' + e.ticket : ''}`;
    case 'REJECTED':
      return `Broker rejected it${e.error ? ': ' + e.error : ''}`;
    case 'FAILED':
      return `Failed${e.error ? ': ' + e.error : ''}`;
    case 'EXPIRED':
      return 'Not executed: no terminal collected it before the signal expired';
    default:
      return e.status;
  }
}

class ApprovalCard {
  readonly el: HTMLElement;
  private statusEl = h('span', { class: 'badge' });
  private execEl = h('p', { class: 'exec', 'aria-live': 'polite' });
  private timerEl = h('span', { class: 'countdown' });
  private decideEl: HTMLElement;
  private sizingEl = h('p', { class: 'sizing' });
  private volume: HTMLInputElement;
  private msg = messageBox();
  a: Approval;

  constructor(a: Approval, private readonly ctx: Ctx, private c: Context, onChange: (a: Approval) => void) {
    this.a = a;
    const s = a.signal;
    const strategy = s ? c.strategies.get(s.strategyId) : undefined;
    const volId = uid('vol');
    const reasonId = uid('reason');
    this.volume = h('input', { id: volId, name: 'volume', type: 'text', inputmode: 'decimal', size: 6 }) as HTMLInputElement;
    this.volume.value = a.volume !== undefined ? String(a.volume) : '';
    const reason = h('input', { id: reasonId, name: 'reason', type: 'text', maxlength: 500, placeholder: 'optional' }) as HTMLInputElement;
    const approve = h('button', { type: 'button', class: 'primary approve' }, 'Approve') as HTMLButtonElement;
    const reject = h('button', { type: 'button', class: 'danger reject' }, 'Reject') as HTMLButtonElement;
    approve.addEventListener('click', () =>
      void busy(approve, this.msg, async () => {
        const v = this.volume.value.trim();
        const body = v && v !== String(this.a.volume ?? '') ? { volume: v } : {};
        const updated = await ctx.api<Approval>('POST', `/api/v1/approvals/${this.a.id}/approve`, body);
        onChange({ ...this.a, ...updated });
        this.msg.ok('Approved: sent to your terminal.');
      }),
    );
    reject.addEventListener('click', () =>
      void busy(reject, this.msg, async () => {
        const r = reason.value.trim();
        const updated = await ctx.api<Approval>('POST', `/api/v1/approvals/${this.a.id}/reject`, r ? { reason: r } : {});
        onChange({ ...this.a, ...updated });
        this.msg.ok('Rejected.');
      }),
    );
    this.decideEl = h('div', { class: 'decide' },
      h('div', { class: 'field inline' }, h('label', { for: volId }, 'Volume (lots)'), this.volume),
      approve,
      h('div', { class: 'field inline' }, h('label', { for: reasonId }, 'Reason'), reason),
      reject,
    );
    const side = s?.side ?? '';
    this.el = h('article', { class: 'approval card', 'data-approval-id': a.id, 'data-signal-id': a.signalId, 'aria-labelledby': 'ap-' + a.id },
      h('header', null,
        h('h3', { id: 'ap-' + a.id }, h('span', { class: 'side ' + side.toLowerCase() }, side), ' ', s?.instrument ?? '?'),
        this.statusEl,
        this.timerEl,
      ),
      h('p', { class: 'muted' }, strategy ? h('a', { href: '/strategies/' + strategy.id }, strategy.name) : 'Strategy ' + (s?.strategyId ?? ''), ' · ', dateTime(a.createdAt)),
      s ? h('dl', { class: 'levels' },
        h('div', null, h('dt', null, 'Entry'), h('dd', null, String(s.entry))),
        h('div', null, h('dt', null, 'Stop loss'), h('dd', null, String(s.stopLoss))),
        h('div', null, h('dt', null, 'Take profit'), h('dd', null, String(s.takeProfit))),
      ) : null,
      s?.rationale ? h('p', { class: 'rationale' }, s.rationale) : null,
      this.sizingEl,
      this.decideEl,
      this.execEl,
      this.msg,
      this.historyEl(),
    );
    this.update(a);
  }

  /** The audit trail, fetched when opened (and again each time: decisions and fills add to it). */
  private historyEl(): HTMLElement {
    const body = h('div');
    const d = h('details', { class: 'history' }, h('summary', null, 'History'), body) as HTMLDetailsElement;
    d.addEventListener('toggle', () => {
      if (!d.open) return;
      void load(body, () => this.ctx.api<History[]>('GET', `/api/v1/approvals/${this.a.id}/history`), (hs) =>
        hs.length
          ? h('ol', null, hs.map((x) => h('li', null, `${dateTime(x.at)}: ${x.fromStatus ?? 'new'} → ${x.toStatus} by ${x.actor}`, x.volume !== undefined && x.volume !== null ? `, ${x.volume} lots` : '', x.reason ? ` (${x.reason})` : '')))
          : h('p', { class: 'empty' }, 'No history yet.'),
      );
    });
    return d;
  }

  update(a: Approval): void {
    this.a = a;
    this.el.dataset.status = a.status;
    this.el.dataset.execution = a.execution?.status ?? '';
    this.statusEl.textContent = STATUS_TEXT[a.status] ?? a.status;
    this.statusEl.className = 'badge ' + a.status.toLowerCase();
    this.decideEl.hidden = a.status !== 'PENDING';
    const sub = this.c.subs.get(a.subscriptionId);
    this.sizingEl.textContent = a.status === 'PENDING' || a.status === 'APPROVED'
      ? sizingText({
          sizing: sub?.sizing,
          fixedVolume: sub?.fixedVolume,
          riskPercent: sub?.riskPercent,
          maxVolume: sub?.maxVolume,
          volume: a.volume,
          instrument: a.signal?.instrument,
          entry: a.signal?.entry,
          stopLoss: a.signal?.stopLoss,
          equity: sub?.deviceId ? this.c.equity.get(sub.deviceId) : undefined,
        })
      : '';
    const exec = executionText(a);
    this.execEl.textContent = exec ? 'Execution: ' + exec : '';
    this.execEl.className = 'exec ' + (a.execution?.status ?? '').toLowerCase();
    this.tick();
  }

  tick(now = Date.now()): void {
    if (this.a.status !== 'PENDING') {
      this.timerEl.textContent = this.a.decidedAt ? 'decided ' + dateTime(this.a.decidedAt) : '';
      return;
    }
    const left = countdown(this.a.expiresAt, now);
    this.timerEl.textContent = left === 'expired' ? 'expired' : 'expires in ' + left;
    this.timerEl.classList.toggle('soon', new Date(this.a.expiresAt).getTime() - now < 60_000);
  }
}

export const approvalsPage: Page = async (ctx, main) => {
  const live = h('span', { class: 'live', role: 'status', 'aria-live': 'polite' }, 'Connecting…');
  const pending = h('div', { class: 'list', 'aria-label': 'Waiting for approval' });
  const recent = h('div', { class: 'list', 'aria-label': 'Recent decisions' });
  const topMsg = messageBox();
  main.append(
    h('div', { class: 'page-head' }, h('h1', null, 'Approval queue'), live),
    topMsg,
    h('section', null, h('h2', null, 'Waiting for you'), pending),
    h('section', null, h('h2', null, 'Recent'), recent),
  );
  clear(pending, h('p', { class: 'loading', role: 'status' }, 'Loading…'));

  const c: Context = { subs: new Map(), strategies: new Map(), equity: new Map() };
  const cards = new Map<string, ApprovalCard>();
  const upsert = (a: Approval) => {
    let card = cards.get(a.id);
    if (card) card.update({ ...card.a, ...a });
    else {
      card = new ApprovalCard(a, ctx, c, upsert);
      cards.set(a.id, card);
    }
    place();
  };
  const place = () => {
    const all = [...cards.values()].sort((x, y) => y.a.createdAt.localeCompare(x.a.createdAt));
    const p = all.filter((x) => x.a.status === 'PENDING');
    const r = all.filter((x) => x.a.status !== 'PENDING').slice(0, 30);
    const emptyP = h('p', { class: 'empty' }, 'Nothing to approve right now. New signals appear here as they arrive.');
    const emptyR = h('p', { class: 'empty' }, 'No decisions yet.');
    // re-append keeps focus and typed values (the same nodes move)
    if (p.length) pending.replaceChildren(...p.map((x) => x.el));
    else clear(pending, emptyP);
    if (r.length) recent.replaceChildren(...r.map((x) => x.el));
    else clear(recent, emptyR);
  };

  const refetch = async (id: string) => {
    try {
      upsert(await ctx.api<Approval>('GET', `/api/v1/approvals/${id}`));
    } catch (e) {
      topMsg.error(e);
    }
  };
  const loadAll = async () => {
    const [pend, latest] = await Promise.all([
      ctx.api<Approval[]>('GET', '/api/v1/approvals?status=PENDING&size=50'),
      ctx.api<Approval[]>('GET', '/api/v1/approvals?size=20'),
    ]);
    for (const a of [...list(pend), ...list(latest)]) upsert(a);
    // the list answers carry no execution: fetch it for the approved ones whose trade is not settled
    const settled = new Set(['FILLED', 'REJECTED', 'FAILED', 'EXPIRED']);
    await Promise.all(
      list(latest)
        .filter((a) => a.status === 'APPROVED' && !settled.has(cards.get(a.id)?.a.execution?.status ?? ''))
        .map((a) => refetch(a.id)),
    );
    place();
  };

  try {
    const [subs, strategies, positions] = await Promise.all([
      ctx.api<Subscription[]>('GET', '/api/v1/subscriptions'),
      ctx.api<Strategy[]>('GET', '/api/v1/strategies').catch(() => [] as Strategy[]),
      ctx.api<{ deviceId: string; equity: string }[]>('GET', '/api/v1/positions/open').catch(() => []),
    ]);
    for (const s of subs) c.subs.set(s.id, s);
    for (const s of strategies) c.strategies.set(s.id, s);
    for (const p of positions) c.equity.set(p.deviceId, String(p.equity));
    await loadAll();
  } catch (e) {
    clear(pending);
    topMsg.error(e);
  }

  const timer = setInterval(() => cards.forEach((x) => x.tick()), 1000);
  let poll: ReturnType<typeof setInterval> | undefined;
  const setLive = (s: StreamState, detail?: string) => {
    live.dataset.state = s;
    live.textContent =
      s === 'live' ? '● Live' : s === 'connecting' ? 'Connecting…' : s === 'retrying' ? 'Reconnecting… ' + (detail ?? '') : s === 'unavailable' ? 'Refreshing every 5 s' : 'Not live';
    if (s === 'unavailable' && !poll) poll = setInterval(() => void loadAll().catch(() => undefined), 5000);
    if (s === 'live') void loadAll().catch(() => undefined); // catch up on what happened while disconnected
  };
  const stream = keepStreaming({
    open: (signal) => ctx.auth.authorized('/api/v1/approvals/stream', { headers: { Accept: 'text/event-stream' }, signal }),
    refresh: () => ctx.auth.refresh(),
    onState: setLive,
    onEvent: (e) => {
      if (e.event !== 'approval') return;
      try {
        const ev = JSON.parse(e.data) as { id: string; status: string; executionStatus: string | null };
        void refetch(ev.id);
      } catch {
        /* a malformed event is ignored: the next one or the catch-up brings the truth */
      }
    },
  });
  return () => {
    clearInterval(timer);
    if (poll) clearInterval(poll);
    stream.stop();
  };
};

/** The list endpoint may answer an array or a page object. */
function list<T>(x: T[] | { items: T[] }): T[] {
  return Array.isArray(x) ? x : x?.items ?? [];
}
