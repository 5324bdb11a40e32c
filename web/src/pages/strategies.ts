import { h, clear, load, table, messageBox } from '../dom';
import type { Page } from '../app';
import type { Candle, Signal, Strategy, Page as Paged } from '../types';
import { dateTime } from '../lib/format';
import {
  createChart,
  CandlestickSeries,
  createSeriesMarkers,
  LineStyle,
  type IChartApi,
  type ISeriesApi,
  type IPriceLine,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';

const TF_SECONDS: Record<string, number> = { M1: 60, M5: 300, M15: 900, M30: 1800, H1: 3600, H4: 14400, D1: 86400 };

export const strategiesPage: Page = (ctx, main) => {
  const listEl = h('div');
  main.append(h('h1', null, 'Strategies'), listEl);
  void load(listEl, () => ctx.api<Strategy[]>('GET', '/api/v1/strategies'), (ss) =>
    ss.length
      ? table(
          ['Name', 'Kind', 'Market', 'Status'],
          ss.map((s) => [
            h('a', { href: '/strategies/' + s.id }, s.name),
            s.kind === 'FIB_RSI' ? 'Fib-RSI engine' : 'Outside producer',
            `${s.instrument} ${s.timeframe}`,
            s.retiredAt ? 'retired ' + dateTime(s.retiredAt) : 'active',
          ]),
        )
      : h('p', { class: 'empty' }, 'No strategies yet.'),
  );
};

/** The bar a signal belongs to: its candle (engine) or the bar its creation time falls in (producers). */
export function barTime(sig: Pick<Signal, 'candleTime' | 'createdAt'>, timeframe: string): number {
  const t = Date.parse(sig.candleTime ?? sig.createdAt) / 1000;
  const step = TF_SECONDS[timeframe] ?? 60;
  return Math.floor(t / step) * step;
}

/** Fibonacci retracements of the swing over `lookback` bars up to (and with) the signal's bar. */
export function fibLevels(candles: { time: number; high: number; low: number }[], at: number, lookback: number, ratios: number[], side: 'BUY' | 'SELL'): { ratio: number; price: number }[] {
  const window = candles.filter((c) => c.time <= at).slice(-lookback);
  if (window.length < 2) return [];
  const hi = Math.max(...window.map((c) => c.high));
  const lo = Math.min(...window.map((c) => c.low));
  const range = hi - lo;
  return ratios.map((r) => ({ ratio: r, price: side === 'BUY' ? hi - r * range : lo + r * range }));
}

export const strategyPage: Page = async (ctx, main, params) => {
  const head = h('div', { class: 'page-head' }, h('h1', null, 'Strategy'));
  const chartBox = h('div', { class: 'chart', role: 'img', 'aria-label': 'Candles with the strategy\'s signals' });
  const legend = h('p', { class: 'legend muted' });
  const signalsEl = h('div');
  const msg = messageBox();
  const attribution = h('p', { class: 'attribution muted' }, 'Charts by ', h('a', { href: 'https://www.tradingview.com/', target: '_blank', rel: 'noopener noreferrer' }, 'TradingView Lightweight Charts'));
  main.append(head, msg, h('section', { class: 'card chart-card' }, chartBox, legend, attribution), h('section', null, h('h2', null, 'Signals'), signalsEl));
  clear(signalsEl, h('p', { class: 'loading', role: 'status' }, 'Loading…'));

  let chart: IChartApi | undefined;
  let observer: ResizeObserver | undefined;
  try {
    const s = await ctx.api<Strategy>('GET', `/api/v1/strategies/${encodeURIComponent(params.id)}`);
    clear(head, h('h1', null, s.name), h('span', { class: 'muted' }, `${s.instrument} ${s.timeframe} · ${s.kind === 'FIB_RSI' ? 'Fib-RSI engine' : 'outside producer'}`));
    document.title = s.name + ' · SignalDesk';
    const [cp, sp] = await Promise.all([
      ctx.api<{ candles: Candle[] }>('GET', `/api/v1/strategies/${s.id}/candles?limit=300`),
      ctx.api<Paged<Signal>>('GET', `/api/v1/signals?strategyId=${s.id}&size=100`),
    ]);
    const candles = cp.candles.map((c) => ({
      time: Date.parse(c.time) / 1000,
      open: Number(c.open),
      high: Number(c.high),
      low: Number(c.low),
      close: Number(c.close),
    }));
    const signals = sp.items;

    chart = createChart(chartBox, {
      height: 420,
      autoSize: true,
      // the library's own logo injects a <style> element, which the CSP refuses: the attribution
      // TradingView's licence asks for is the link under the chart instead
      layout: { background: { color: '#ffffff' }, textColor: '#1f2933', attributionLogo: false },
      grid: { vertLines: { color: '#eef1f4' }, horzLines: { color: '#eef1f4' } },
      timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 6 },
      localization: { priceFormatter: (p: number) => p.toFixed(5) },
    });
    const series: ISeriesApi<'Candlestick'> = chart.addSeries(CandlestickSeries, {
      upColor: '#1a7f37',
      downColor: '#c62828',
      wickUpColor: '#1a7f37',
      wickDownColor: '#c62828',
      borderVisible: false,
    });
    series.setData(candles.map((c) => ({ ...c, time: c.time as UTCTimestamp })));
    const first = candles[0]?.time ?? 0;
    const markers: SeriesMarker<Time>[] = signals
      .map((g) => ({ g, t: barTime(g, s.timeframe) }))
      .filter(({ t }) => candles.length === 0 || t >= first)
      .sort((a, b) => a.t - b.t)
      .map(({ g, t }) => ({
        time: t as UTCTimestamp,
        position: g.side === 'BUY' ? ('belowBar' as const) : ('aboveBar' as const),
        color: g.side === 'BUY' ? '#1a7f37' : '#c62828',
        shape: g.side === 'BUY' ? ('arrowUp' as const) : ('arrowDown' as const),
        text: `${g.side} ${g.entry}`,
      }));
    createSeriesMarkers(series, markers);
    chart.timeScale().fitContent();

    let lines: IPriceLine[] = [];
    const show = (g: Signal) => {
      for (const l of lines) series.removePriceLine(l);
      lines = [
        series.createPriceLine({ price: Number(g.entry), color: '#1f5fbf', lineWidth: 2, lineStyle: LineStyle.Solid, axisLabelVisible: true, title: 'Entry' }),
        series.createPriceLine({ price: Number(g.stopLoss), color: '#c62828', lineWidth: 2, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: 'SL' }),
        series.createPriceLine({ price: Number(g.takeProfit), color: '#1a7f37', lineWidth: 2, lineStyle: LineStyle.Dashed, axisLabelVisible: true, title: 'TP' }),
      ];
      let fibText = '';
      if (s.kind === 'FIB_RSI' && g.candleTime) {
        const p = s.params ?? {};
        const ratios = (Array.isArray(p.fibLevels) ? p.fibLevels : [0.382, 0.5, 0.618, 0.786]).map(Number);
        const fibs = fibLevels(candles, barTime(g, s.timeframe), Number(p.lookback ?? 100), ratios, g.side);
        for (const f of fibs) {
          lines.push(series.createPriceLine({ price: f.price, color: '#8a6d00', lineWidth: 1, lineStyle: LineStyle.Dotted, axisLabelVisible: false, title: `${(f.ratio * 100).toFixed(1)}%` }));
        }
        if (fibs.length) fibText = ' Dotted: the Fibonacci retracements of the swing it was decided on.';
      }
      legend.textContent = `Lines: ${g.side} ${g.instrument} of ${dateTime(g.createdAt)} — entry ${g.entry}, stop loss ${g.stopLoss}, take profit ${g.takeProfit}.${fibText}`;
    };
    if (signals[0]) show(signals[0]);
    else legend.textContent = candles.length ? 'No signals on this market yet.' : 'No candles for this market yet (outside producers send signals, not bars).';

    clear(signalsEl, signals.length
      ? table(
          ['Time', 'Side', 'Entry', 'SL', 'TP', 'Source', 'Rationale', ''],
          signals.map((g) => [
            dateTime(g.createdAt),
            h('span', { class: 'side ' + g.side.toLowerCase() }, g.side),
            g.entry,
            g.stopLoss,
            g.takeProfit,
            g.source,
            h('span', { class: 'rationale' }, g.rationale),
            h('button', { type: 'button', class: 'small', on: { click: () => show(g) } }, 'Show lines'),
          ]),
        )
      : h('p', { class: 'empty' }, 'No signals yet.'));
  } catch (e) {
    clear(signalsEl);
    msg.error(e);
  }
  return () => {
    observer?.disconnect();
    chart?.remove();
  };
};
