-- Paces each connection: wait PACE_MS between requests, so that connections × (1000 / PACE_MS) ≈ the wanted rate.
-- wrk is closed-loop; pacing keeps the offered load near half of the measured peak for the latency run.
local pace = tonumber(os.getenv("PACE_MS") or "0")
local agent = os.getenv("BENCH_UA") or "Mozilla/5.0 (Linux; Android 14; bench) Mobile Safari/537.36"
wrk.headers["User-Agent"] = agent
function delay()
  return pace
end
