import { h, load, table, messageBox, busy, buildForm, clear } from '../dom';
import type { Page } from '../app';
import type { Device, Strategy, Subscription } from '../types';
import { dateTime } from '../lib/format';

export const subscriptionsPage: Page = async (ctx, main) => {
  const listEl = h('div');
  const formBox = h('section', { class: 'card' }, h('h2', null, 'Follow a strategy'), h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  main.append(h('h1', null, 'Subscriptions'), formBox, h('section', null, h('h2', null, 'Active'), listEl));
  let strategies: Strategy[] = [];
  let devices: Device[] = [];
  const names = () => new Map(strategies.map((s) => [s.id, s.name]));
  const reload = () =>
    load(listEl, () => ctx.api<Subscription[]>('GET', '/api/v1/subscriptions'), (subs) =>
      subs.length
        ? table(['Strategy', 'Device', 'Sizing', 'Max', 'Auto-approve', 'Since', ''], subs.map((s) => {
            const msg = messageBox();
            const b = h('button', { type: 'button', class: 'small danger' }, 'Unsubscribe') as HTMLButtonElement;
            b.addEventListener('click', () => void busy(b, msg, async () => { await ctx.api('DELETE', `/api/v1/subscriptions/${s.id}`); await reload(); }));
            return [
              h('a', { href: '/strategies/' + s.strategyId }, names().get(s.strategyId) ?? s.strategyId),
              devices.find((d) => d.id === s.deviceId)?.name ?? (s.deviceId ? s.deviceId : 'oldest active device'),
              s.sizing === 'FIXED' ? `fixed ${s.fixedVolume} lots` : `risk ${s.riskPercent}%`,
              String(s.maxVolume),
              s.autoApprove ? `yes${s.autoApproveMaxVolume ? ' up to ' + s.autoApproveMaxVolume : ''}` : 'no',
              dateTime(s.createdAt),
              h('div', { class: 'row-actions' }, b, msg),
            ];
          }))
        : h('p', { class: 'empty' }, 'You follow no strategy yet.'),
    );
  try {
    [strategies, devices] = await Promise.all([ctx.api<Strategy[]>('GET', '/api/v1/strategies'), ctx.api<Device[]>('GET', '/api/v1/devices')]);
  } catch (e) {
    const m = messageBox();
    m.error(e);
    clear(formBox, m);
  }
  const f = buildForm(
    [
      { name: 'strategyId', label: 'Strategy', options: strategies.filter((s) => !s.retiredAt).map((s) => [s.id, `${s.name} (${s.instrument} ${s.timeframe})`]) },
      { name: 'deviceId', label: 'Device', options: [['', 'Oldest active device'], ...devices.filter((d) => d.active).map((d): [string, string] => [d.id, d.name])] },
      { name: 'sizing', label: 'Sizing', options: [['FIXED', 'Fixed volume'], ['RISK_PERCENT', 'Risk % of equity']] },
      { name: 'fixedVolume', label: 'Fixed volume (lots)', value: '0.10' },
      { name: 'riskPercent', label: 'Risk %', hint: 'for risk sizing, 0.01-10' },
      { name: 'maxVolume', label: 'Maximum volume (lots)', value: '1.00', required: true },
      { name: 'autoApprove', label: 'Approve automatically', type: 'checkbox' },
      { name: 'autoApproveMaxVolume', label: 'Auto-approve up to (lots)' },
    ],
    'Subscribe',
    async (v, form) => {
      const body: Record<string, unknown> = { strategyId: v.strategyId, sizing: v.sizing, maxVolume: v.maxVolume, autoApprove: v.autoApprove === 'true' };
      if (v.deviceId) body.deviceId = v.deviceId;
      if (v.sizing === 'FIXED' && v.fixedVolume) body.fixedVolume = v.fixedVolume;
      if (v.sizing === 'RISK_PERCENT' && v.riskPercent) body.riskPercent = v.riskPercent;
      if (v.autoApproveMaxVolume) body.autoApproveMaxVolume = v.autoApproveMaxVolume;
      await ctx.api('POST', '/api/v1/subscriptions', body);
      form.msg.ok('Subscribed.');
      await reload();
    },
    'grid3',
  );
  if (strategies.length || devices.length) clear(formBox, h('h2', null, 'Follow a strategy'), f.form);
  void reload();
};
