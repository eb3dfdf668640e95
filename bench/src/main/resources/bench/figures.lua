-- Appended to each of the harness' wrk scripts by Wrk: prints the run's figures in one line wrk's own report lacks.

-- A request wrk gave up on (no answer within its timeout) is slower than every answered one, so each percentile
-- ranks it at the slow end, among the answered and timed-out requests together. wrk may count one waiting connection
-- as timed out at more than one of its checks, so the figures err on the slow side. -1: beyond the timeout.
local function percentile(summary, latency, p)
  local answered, timeouts = summary.requests, summary.errors.timeout
  if answered == 0 then return -1 end
  local q = p * (answered + timeouts) / answered
  if q > 100 then return -1 end
  return latency:percentile(q)
end

function done(summary, latency, requests)
  local e = summary.errors
  local function p(q) return percentile(summary, latency, q) end
  io.write(string.format("BENCH_WRK requests=%d duration_us=%d errors_status=%d errors_connect=%d errors_read=%d "
    .. "errors_write=%d errors_timeout=%d mean_us=%.1f p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout, latency.mean,
    p(50), p(90), p(95), p(99), e.timeout > 0 and -1 or latency.max))
end
