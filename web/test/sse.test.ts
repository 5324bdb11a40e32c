import { describe, it, expect } from 'vitest';
import { SseParser, backoffMs, keepStreaming, type StreamState } from '../src/lib/sse';

describe('SseParser', () => {
  it('parses an approval event and ignores keepalive comments', () => {
    const p = new SseParser();
    const out = p.feed(': keepalive\n\nevent: approval\ndata: {"id":"a1","status":"PENDING","executionStatus":null}\n\n');
    expect(out).toEqual([{ event: 'approval', data: '{"id":"a1","status":"PENDING","executionStatus":null}', id: undefined }]);
  });

  it('assembles events split across chunks at any byte, including between \\r and \\n', () => {
    const text = 'event: approval\r\ndata: {"id":"x"}\r\n\r\nevent: approval\r\ndata: {"id":"y"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const events = [...p.feed(text.slice(0, cut)), ...p.feed(text.slice(cut))];
      expect(events.map((e) => `${e.event} ${e.data}`), 'cut at ' + cut).toEqual(['approval {"id":"x"}', 'approval {"id":"y"}']);
    }
  });

  it('joins multi-line data, defaults the type to message, keeps id and retry', () => {
    const p = new SseParser();
    const out = p.feed('id: 7\nretry: 3000\ndata: one\ndata:two\n\n');
    expect(out).toEqual([{ event: 'message', data: 'one\ntwo', id: '7' }]);
    expect(p.retry).toBe(3000);
  });

  it('dispatches nothing for an event without data, nor before the blank line', () => {
    const p = new SseParser();
    expect(p.feed('event: approval\n\n')).toEqual([]);
    expect(p.feed('event: approval\ndata: {}\n')).toEqual([]);
    expect(p.feed('\n')).toHaveLength(1);
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s up to the cap, with at most 20 % jitter', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10, () => 0)).toBe(30000);
    expect(backoffMs(0, () => 1)).toBe(1200);
  });
});

function streamResponse(chunks: string[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(new TextEncoder().encode(x));
      c.close();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('keepStreaming', () => {
  it('refreshes the token once on 401, reconnects at once, and delivers the events', async () => {
    const answers = [new Response(null, { status: 401 }), streamResponse(['event: approval\ndata: {"id":"a"}\n\n'])];
    let refreshes = 0;
    const got: string[] = [];
    const states: StreamState[] = [];
    const sleeps: number[] = [];
    const s = keepStreaming({
      open: async () => answers.shift() ?? new Response(null, { status: 404 }),
      refresh: async () => (refreshes++, true),
      onEvent: (e) => got.push(e.data),
      onState: (st) => states.push(st),
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
    });
    await s.done;
    expect(refreshes).toBe(1);
    expect(got).toEqual(['{"id":"a"}']);
    // 401 -> refresh -> live -> stream ended -> backoff 1 s -> 404 -> unavailable
    expect(sleeps).toEqual([1000]);
    expect(states).toContain('live');
    expect(states[states.length - 1]).toBe('unavailable');
  });

  it('stops when the refresh fails (signed out)', async () => {
    const states: StreamState[] = [];
    const s = keepStreaming({
      open: async () => new Response(null, { status: 401 }),
      refresh: async () => false,
      onEvent: () => {},
      onState: (st) => states.push(st),
      sleep: async () => {},
    });
    await s.done;
    expect(states).toEqual(['connecting', 'stopped']);
  });

  it('backs off longer after each failed connect, and starts over after a good one', async () => {
    const answers: (Response | Error)[] = [new Error('down'), new Response(null, { status: 502 }), new Error('down'), streamResponse([]), new Error('down')];
    const sleeps: number[] = [];
    const s = keepStreaming({
      open: async () => {
        const a = answers.shift();
        if (!a) return new Response(null, { status: 404 });
        if (a instanceof Error) throw new TypeError(a.message);
        return a;
      },
      refresh: async () => true,
      onEvent: () => {},
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
    });
    await s.done;
    expect(sleeps).toEqual([1000, 2000, 4000, 1000, 2000]);
  });
});
