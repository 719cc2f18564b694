-- wrk script: send the session cookie and print latency percentiles as one JSON line.
local cookie = os.getenv("BENCH_COOKIE") or ""

request = function()
  return wrk.format("GET", nil, { ["Cookie"] = cookie, ["Accept-Language"] = "vi" })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  ))
end
