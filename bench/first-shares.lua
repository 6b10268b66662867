-- POST /api/posts/{id}/shares for a plan of (token, post, network) lines, one line per request, in order, so that
-- each request is someone's first share of a post on a network (it earns points). Paced like pace.lua.
local pace = tonumber(os.getenv("PACE_MS") or "0")
local plan = {}
local next = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_PLAN")) do
    plan[#plan + 1] = line
  end
end

function delay()
  return pace
end

function request()
  next = next % #plan + 1
  local token, post, network = plan[next]:match("(%S+) (%S+) (%S+)")
  return wrk.format("POST", "/api/posts/" .. post .. "/shares",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"network":"' .. network .. '"}')
end
