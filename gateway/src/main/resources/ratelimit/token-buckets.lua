-- Token buckets for one request, checked and taken in one round trip (Redis 5+: TIME before writes
-- needs effects replication, the default since 5.0).
-- KEYS[i]: a bucket; ARGV[2i-1]: its capacity; ARGV[2i]: milliseconds to refill it from empty.
-- Capacity and rate come with every call, so a changed limit applies to existing buckets at once.
-- Returns {0, 0} when every bucket had a token (one is taken from each), or {i, wait_ms} for the
-- first bucket that had none (nothing is taken from any).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local left = {}
local stamp = {}
for i, key in ipairs(KEYS) do
  local cap = tonumber(ARGV[2 * i - 1])
  local window = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1])
  local at = tonumber(state[2])
  if tokens == nil or at == nil then
    tokens = cap
    at = now
  end
  if now > at then
    tokens = tokens + (now - at) * cap / window
    at = now
  end -- a clock that stepped back credits nothing, and the stored time never goes back
  if tokens > cap then
    tokens = cap
  end
  if tokens < 1 then
    return {i, math.ceil((1 - tokens) * window / cap)}
  end
  left[i] = tokens - 1
  stamp[i] = at
end
for i, key in ipairs(KEYS) do
  redis.call('HSET', key, 'tokens', tostring(left[i]), 'at', tostring(stamp[i]))
  redis.call('PEXPIRE', key, tonumber(ARGV[2 * i]) * 2)
end
return {0, 0}
