import { h, clear, load, table, messageBox, busy, buildForm } from '../dom';
import type { Page, Ctx } from '../app';
import type { Device } from '../types';
import { ago, dateTime } from '../lib/format';

interface Status {
  deviceId: string;
  accountId: string;
  lastSnapshotAt?: string;
  snapshotAgeSeconds?: number;
  inSync: boolean;
  openDivergences: { id: string; type: string; ticket?: number; details?: string; detectedAt: string; closeRequestedAt?: string }[];
}
interface Positions {
  deviceId: string;
  accountId: string;
  currency: string;
  balance: string;
  equity: string;
  unrealisedPnl: string;
  realisedPnlToday: string;
  asOf: string;
  positions: { ticket: number; instrument: string; side: string; volume: string; openPrice: string; unrealisedPnl: string; ours: boolean }[];
}
interface GuardStatus {
  deviceId: string;
  accountId: string;
  timeZone?: string;
  drawdownPercent?: Record<string, string>;
  dailyLoss?: Record<string, string>;
  drawdownPercentNow?: string;
  dailyLossNow?: string;
  blocked: boolean;
  stages: { kind: string; stage: string; limit?: string; observed?: string; since: string }[];
}

export const positionsPage: Page = (ctx, main) => {
  const statusEl = h('div');
  const posEl = h('div');
  const guardEl = h('div');
  main.append(
    h('h1', null, 'Positions & reconciliation'),
    h('section', null, h('h2', null, 'Accounts'), statusEl),
    h('section', null, h('h2', null, 'Open positions'), posEl),
    h('section', null, h('h2', null, 'Guards'), guardEl),
  );
  const reloadStatus = () => load(statusEl, () => ctx.api<Status[]>('GET', '/api/v1/reconciliation/status'), (ss) => renderStatus(ctx, ss, reloadStatus));
  void reloadStatus();
  void load(posEl, () => ctx.api<Positions[]>('GET', '/api/v1/positions/open'), renderPositions);
  const reloadGuards = () =>
    load(guardEl, () => Promise.all([ctx.api<GuardStatus[]>('GET', '/api/v1/guards/status'), ctx.api<Device[]>('GET', '/api/v1/devices')]), ([gs, ds]) =>
      renderGuards(ctx, gs, ds, reloadGuards),
    );
  void reloadGuards();
};

function renderStatus(ctx: Ctx, ss: Status[], reload: () => Promise<unknown>): HTMLElement {
  if (!ss.length) return h('p', { class: 'empty' }, 'No account has reported yet: reconciliation starts with your terminal\'s first fill or snapshot.');
  return h('div', null, ss.map((s) =>
    h('article', { class: 'card' },
      h('h3', null, 'Account ', s.accountId, ' ', s.inSync ? h('span', { class: 'badge approved' }, 'in sync') : h('span', { class: 'badge rejected' }, 'diverged')),
      h('p', { class: 'muted' }, 'Last snapshot: ', ago(s.lastSnapshotAt), s.lastSnapshotAt ? ` (${dateTime(s.lastSnapshotAt)})` : ''),
      s.openDivergences.length
        ? table(['Type', 'Ticket', 'Details', 'Detected', ''], s.openDivergences.map((d) => {
            const msg = messageBox();
            const orphan = d.type === 'UNEXPECTED_AT_BROKER';
            const adopt = h('button', { type: 'button', class: 'small' }, 'Adopt') as HTMLButtonElement;
            const close = h('button', { type: 'button', class: 'small danger' }, 'Close') as HTMLButtonElement;
            adopt.addEventListener('click', () => void busy(adopt, msg, async () => { await ctx.api('POST', `/api/v1/reconciliation/divergences/${d.id}/adopt`); await reload(); }));
            close.addEventListener('click', () => void busy(close, msg, async () => { await ctx.api('POST', `/api/v1/reconciliation/divergences/${d.id}/close`); msg.ok('Close requested.'); }));
            return [d.type, d.ticket ?? '—', d.details ?? '', dateTime(d.detectedAt),
              orphan ? h('div', { class: 'row-actions' }, adopt, d.closeRequestedAt ? 'close requested' : close, msg) : ''];
          }))
        : h('p', null, 'No open divergences.'),
    ),
  ));
}

function renderPositions(ps: Positions[]): HTMLElement {
  if (!ps.length) return h('p', { class: 'empty' }, 'No snapshot yet.');
  return h('div', null, ps.map((p) =>
    h('article', { class: 'card' },
      h('h3', null, 'Account ', p.accountId),
      h('dl', { class: 'levels' },
        h('div', null, h('dt', null, 'Balance'), h('dd', null, `${p.balance} ${p.currency}`)),
        h('div', null, h('dt', null, 'Equity'), h('dd', null, `${p.equity} ${p.currency}`)),
        h('div', null, h('dt', null, 'Unrealised P&L'), h('dd', null, p.unrealisedPnl)),
        h('div', null, h('dt', null, 'Realised today'), h('dd', null, p.realisedPnlToday)),
      ),
      p.positions.length
        ? table(['Ticket', 'Instrument', 'Side', 'Volume', 'Open price', 'P&L', 'Ours'],
            p.positions.map((x) => [x.ticket, x.instrument, x.side, x.volume, x.openPrice, x.unrealisedPnl, x.ours ? 'yes' : 'no']))
        : h('p', null, 'No open positions.'),
      h('p', { class: 'muted' }, 'As of ', dateTime(p.asOf)),
    ),
  ));
}

function renderGuards(ctx: Ctx, gs: GuardStatus[], ds: Device[], reload: () => Promise<unknown>): HTMLElement {
  const active = ds.filter((d) => d.active);
  const byDevice = new Map(gs.map((g) => [g.deviceId, g]));
  if (!active.length) return h('p', { class: 'empty' }, 'Register a device to configure guards.');
  return h('div', null, active.map((d) => {
    const g = byDevice.get(d.id);
    const msg = messageBox();
    const f = buildForm(
      [
        { name: 'timeZone', label: 'Time zone', value: g?.timeZone ?? 'UTC', hint: 'the trading day starts at midnight here' },
        { name: 'drawdownPercent.warn', label: 'Drawdown % warn', value: g?.drawdownPercent?.warn ?? '' },
        { name: 'drawdownPercent.block', label: 'Drawdown % block', value: g?.drawdownPercent?.block ?? '' },
        { name: 'drawdownPercent.close', label: 'Drawdown % close all', value: g?.drawdownPercent?.close ?? '' },
        { name: 'dailyLoss.warn', label: 'Daily loss warn', value: g?.dailyLoss?.warn ?? '' },
        { name: 'dailyLoss.block', label: 'Daily loss block', value: g?.dailyLoss?.block ?? '' },
        { name: 'dailyLoss.close', label: 'Daily loss close all', value: g?.dailyLoss?.close ?? '' },
      ],
      'Save guards',
      async (v, form) => {
        const body: Record<string, unknown> = { deviceId: d.id, timeZone: v.timeZone };
        for (const group of ['drawdownPercent', 'dailyLoss']) {
          const o: Record<string, string> = {};
          for (const st of ['warn', 'block', 'close']) if (v[`${group}.${st}`]) o[st] = v[`${group}.${st}`];
          if (Object.keys(o).length) body[group] = o;
        }
        await ctx.api('PUT', '/api/v1/guards/config', body);
        form.msg.ok('Saved: applies from the next snapshot.');
      },
      'grid3',
    );
    const clearBtn = h('button', { type: 'button', class: 'small' }, 'Clear drawdown guard') as HTMLButtonElement;
    clearBtn.addEventListener('click', () => void busy(clearBtn, msg, async () => { await ctx.api('POST', '/api/v1/guards/clear', { deviceId: d.id, kind: 'DRAWDOWN' }); await reload(); }));
    return h('article', { class: 'card' },
      h('h3', null, d.name, ' ', g?.blocked ? h('span', { class: 'badge rejected' }, 'approvals blocked') : h('span', { class: 'badge approved' }, 'trading')),
      g ? h('p', { class: 'muted' }, `Drawdown now ${g.drawdownPercentNow ?? '—'} %, daily loss now ${g.dailyLossNow ?? '—'}`) : null,
      g?.stages.length ? table(['Guard', 'Stage', 'Limit', 'Observed', 'Since'], g.stages.map((s) => [s.kind, s.stage, s.limit ?? '', s.observed ?? '', dateTime(s.since)])) : h('p', null, 'No guard tripped.'),
      g?.stages.some((s) => s.kind === 'DRAWDOWN') ? h('p', null, clearBtn, msg) : null,
      h('details', null, h('summary', null, 'Thresholds'), f.form),
    );
  }));
}
