import { h, clear, buildForm, messageBox, busy, copyButton, load, table } from '../dom';
import type { Page, Ctx } from '../app';
import type { Device } from '../types';
import { ago, dateTime } from '../lib/format';

/** A secret shown once: the only time the console (or anyone) can read it. */
export function secretPanel(title: string, rows: [string, string][], note: string): HTMLElement {
  return h('div', { class: 'secret card', role: 'region', 'aria-label': title },
    h('h3', null, title),
    h('p', { class: 'warn' }, note),
    rows.map(([label, value]) =>
      h('div', { class: 'secret-row' },
        h('span', { class: 'secret-label' }, label),
        h('code', { class: 'secret-value', 'data-secret': label }, value),
        copyButton(() => value, 'Copy', 'Copy ' + label),
      ),
    ),
  );
}

function guardsText(d: Device): string {
  if (!d.guards?.length) return 'none';
  return d.guards.map((g) => `${g.kind} ${g.stage}${g.blocking ? ' (blocking)' : ''}`).join(', ');
}

export const devicesPage: Page = (ctx, main) => {
  const listEl = h('div');
  const shown = h('div', { 'aria-live': 'polite' });
  const refresh = () =>
    load(
      listEl,
      () =>
        Promise.all([
          ctx.api<Device[]>('GET', '/api/v1/devices'),
          // the terminal's last snapshot, from reconciliation (absent until its first)
          ctx.api<{ deviceId: string; lastSnapshotAt?: string }[]>('GET', '/api/v1/reconciliation/status').catch(() => []),
        ]),
      ([ds, st]) => render(ctx, ds, new Map(st.map((x) => [x.deviceId, x.lastSnapshotAt])), shown, refresh),
    );
  const f = buildForm(
    [
      { name: 'name', label: 'Name', required: true, hint: 'e.g. "MT5 on my VPS"' },
      { name: 'brokerAccount', label: 'Broker account', required: true, hint: '1-32 letters, digits, _ or -' },
      { name: 'brokerServer', label: 'Broker server', required: true, hint: 'as MetaTrader shows it, e.g. ICMarkets-Demo' },
    ],
    'Register device',
    async (v, form) => {
      const d = await ctx.api<Device>('POST', '/api/v1/devices', v);
      clear(shown, secretPanel(`Secret of ${d.name}`, [['Device id', d.id], ['Secret', d.secret ?? '']],
        'Paste the device id and this secret into the Expert Advisor\'s inputs now: it is shown only once and cannot be read again (rotate to get a new one).'));
      form.form.reset();
      form.msg.ok('Device registered.');
      await refresh();
    },
    'grid3',
  );
  main.append(
    h('h1', null, 'Devices'),
    h('p', { class: 'muted' }, 'Your MetaTrader 5 terminals. The Expert Advisor signs every request with the device secret.'),
    h('section', { class: 'card' }, h('h2', null, 'Register a terminal'), f.form),
    shown,
    h('section', null, h('h2', null, 'Your devices'), listEl),
  );
  void refresh();
};

function render(ctx: Ctx, ds: Device[], snapshots: Map<string, string | undefined>, shown: HTMLElement, refresh: () => Promise<unknown>): HTMLElement {
  if (!ds.length) return h('p', { class: 'empty' }, 'No devices yet. Register your terminal above.');
  return table(
    ['Name', 'Account', 'Status', 'Last request', 'Last snapshot', 'Guards', 'Actions'],
    ds.map((d) => {
      const msg = messageBox();
      const rotate = h('button', { type: 'button', class: 'small' }, 'Rotate secret') as HTMLButtonElement;
      const revoke = h('button', { type: 'button', class: 'small danger' }, 'Revoke') as HTMLButtonElement;
      rotate.addEventListener('click', () =>
        void busy(rotate, msg, async () => {
          const r = await ctx.api<Device>('POST', `/api/v1/devices/${d.id}/rotate`);
          clear(shown, secretPanel(`New secret of ${d.name}`, [['Device id', d.id], ['Secret', r.secret ?? '']],
            `Shown only once. The previous secret keeps working until ${dateTime(r.previousSecretValidUntil)}.`));
          shown.scrollIntoView?.({ block: 'nearest' });
        }),
      );
      revoke.addEventListener('click', () => {
        if (!confirm(`Revoke ${d.name}? Its terminal will be refused from now on.`)) return;
        void busy(revoke, msg, async () => {
          await ctx.api('DELETE', `/api/v1/devices/${d.id}`);
          await refresh();
        });
      });
      return [
        h('strong', null, d.name),
        `${d.brokerAccount} @ ${d.brokerServer}`,
        d.active ? h('span', { class: 'badge approved' }, 'active') : h('span', { class: 'badge rejected' }, 'revoked ' + dateTime(d.revokedAt)),
        h('span', { title: dateTime(d.lastSeenAt) }, ago(d.lastSeenAt)),
        h('span', { title: dateTime(snapshots.get(d.id)) }, ago(snapshots.get(d.id))),
        guardsText(d),
        d.active ? h('div', { class: 'row-actions' }, rotate, revoke, msg) : '',
      ];
    }),
  );
}
