-- wrk script of bench/serve.sh: POSTs one agreement (AVTAL_BENCH_BODY) to
-- the URL's path on every request. With AVTAL_BENCH_REQUESTS_PER_THREAD,
-- each thread stops after that many answers (the 1 000 000-request run).
-- Prints one RESULT line that bench/serve.sh parses.
-- With AVTAL_BENCH_BODY empty it GETs the path instead (the HTTP-only row).
local body = os.getenv("AVTAL_BENCH_BODY") or ""
if body ~= "" then
  local f = assert(io.open(body, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

local limit = tonumber(os.getenv("AVTAL_BENCH_REQUESTS_PER_THREAD") or "0")
if limit > 0 then
  local count = 0
  function response(status, headers, body)
    count = count + 1
    if count >= limit then wrk.thread:stop() end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
