-- wrk script: send one of the signed-in session cookies (in turn) and print latency percentiles as one JSON line.
-- BENCH_COOKIES holds the cookies, one per line; empty for anonymous pages.
local cookies = {}
for line in string.gmatch(os.getenv("BENCH_COOKIES") or "", "[^\n]+") do
  table.insert(cookies, line)
end
local turn = 0

request = function()
  local headers = { ["Accept-Language"] = "vi" }
  if #cookies > 0 then
    turn = turn % #cookies + 1
    headers["Cookie"] = cookies[turn]
  end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  ))
end
