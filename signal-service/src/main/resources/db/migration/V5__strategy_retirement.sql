-- A retired strategy takes no more signals (producers, TradingView, the engine) and nobody may
-- follow it; it is kept for the history of its signals. Retirement is final.
ALTER TABLE strategies ADD COLUMN retired_at TIMESTAMPTZ;

-- strategies.v1 is new: announce every strategy that exists already, so approval-service's
-- projection starts complete (the relay publishes these rows like any other).
INSERT INTO outbox (id, topic, message_key, event_type, source, payload, created_at)
SELECT gen_random_uuid(), 'strategies.v1', s.id::text, 'io.signaldesk.StrategyCreated', '/signaldesk/signal-service',
       json_build_object('strategyId', s.id, 'name', s.name, 'kind', s.kind, 'instrument', s.instrument,
                         'timeframe', s.timeframe,
                         'createdAt', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
       now()
FROM strategies s ORDER BY s.created_at;
