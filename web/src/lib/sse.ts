/**
 * Server-sent events over fetch(): EventSource cannot send an Authorization header, so the console
 * reads the response body itself. The parser follows the WHATWG event-stream rules that matter
 * here: lines end with \n, \r\n or \r (a chunk may split anywhere, even between \r and \n),
 * `event:` / `data:` / `id:` / `retry:` fields, comment lines starting with ':', an empty line
 * dispatches, multi-line data is joined with \n.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  private id: string | undefined;
  private sawCr = false;
  /** The server's `retry:` hint in ms, if it sent one. */
  retry: number | undefined;

  /** Feeds a decoded chunk; returns the events it completed. */
  feed(chunk: string): SseEvent[] {
    const out: SseEvent[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.sawCr) {
        this.sawCr = false;
        if (c === '\n') continue; // the \n of a \r\n split across chunks or not
      }
      if (c === '\r' || c === '\n') {
        this.sawCr = c === '\r';
        this.line(this.buffer, out);
        this.buffer = '';
      } else {
        this.buffer += c;
      }
    }
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        out.push({ event: this.eventType || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.eventType = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // comment: keepalive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break; // unknown fields are ignored
    }
  }
}

/** Backoff before reconnect attempt n (0-based): 1 s, 2 s, 4 s ... capped, with up to 20 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random, capMs = 30_000): number {
  const base = Math.min(capMs, 1000 * 2 ** Math.min(attempt, 20));
  return Math.round(base * (1 + 0.2 * random()));
}

export type StreamState = 'connecting' | 'live' | 'retrying' | 'stopped' | 'unavailable';

export interface StreamOptions {
  /** Opens the stream (fetch with the current token); a 401 answer makes the caller refresh. */
  open: (signal: AbortSignal) => Promise<Response>;
  /** Called on a 401: refresh the access token; false when the session is gone (stop). */
  refresh: () => Promise<boolean>;
  onEvent: (e: SseEvent) => void;
  onState?: (s: StreamState, detail?: string) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * Keeps a stream open until stop() is called: reconnects with backoff after errors or the end of
 * the body, refreshes the token once on a 401 and reconnects at once, gives up on a 404 (the
 * server has no stream: the caller falls back to polling).
 */
export function keepStreaming(opts: StreamOptions): { stop: () => void; done: Promise<void> } {
  const controller = new AbortController();
  const sleep = opts.sleep ?? abortableSleep;
  const state = opts.onState ?? (() => {});
  const done = (async () => {
    let attempt = 0;
    let refreshedForThis401 = false;
    while (!controller.signal.aborted) {
      state('connecting');
      let detail = '';
      try {
        const res = await opts.open(controller.signal);
        if (res.status === 401) {
          if (!refreshedForThis401) {
            if (await opts.refresh()) {
              refreshedForThis401 = true;
              continue; // a fresh token: reconnect at once
            }
            state('stopped', 'signed out');
            return;
          }
          // refused even with a fresh token: back off, then refresh again
          refreshedForThis401 = false;
          detail = 'not authorised';
        } else if (res.status === 404) {
          state('unavailable', 'no live stream on this server');
          return;
        } else if (!res.ok || !res.body) {
          detail = 'HTTP ' + res.status;
        } else {
          refreshedForThis401 = false;
          attempt = 0;
          state('live');
          const parser = new SseParser();
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          for (;;) {
            const { value, done: end } = await reader.read();
            if (end) break;
            for (const e of parser.feed(decoder.decode(value, { stream: true }))) opts.onEvent(e);
          }
          detail = 'stream ended';
        }
      } catch (err) {
        if (controller.signal.aborted) break;
        detail = err instanceof Error ? err.message : String(err);
      }
      if (controller.signal.aborted) break;
      const wait = backoffMs(attempt++, opts.random);
      state('retrying', `${detail}; reconnecting in ${Math.round(wait / 1000)} s`);
      await sleep(wait, controller.signal);
    }
    state('stopped');
  })();
  return { stop: () => controller.abort(), done };
}
