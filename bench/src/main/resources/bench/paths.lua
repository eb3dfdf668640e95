-- GETs a fixed list of paths in turn (each thread starting at its own place), with a bearer token.
-- Arguments: token, file with one path per line.
local threads = {}
local paths = {}
local next_index = 1

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  next_index = ((tid - 1) * 7) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_WRK requests=%d duration_us=%d errors_status=%d errors_connect=%d errors_read=%d "
    .. "errors_write=%d errors_timeout=%d mean_us=%.1f p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout, latency.mean,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
end
