-- wrk script for the Scaling API benchmark.
--   wrk ... http://host:port -s bench/api.lua -- create  <api key>   POST /v1/incidents, rotating bodies
--   wrk ... http://host:port -s bench/api.lua -- missing <api key>   GET /v1/incidents/<random uuid> (404)
-- The requests are built once per thread in init(), as wrk's docs advise, so that request() costs nothing.
-- Every response with another status than the mode expects is counted, and done() prints one line that
-- bench/run.sh reads: throughput and exact latency percentiles in milliseconds.

local SEVERITIES = { "critical", "high", "medium", "low" }
local VARIANTS = 64

local requests = {}
local expected_status
local next_index = 1
unexpected = 0

local function random_uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local mode, key = args[1], args[2]
  local headers = { ["Authorization"] = "Bearer " .. key }
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  for i = 1, VARIANTS do
    if mode == "create" then
      headers["Content-Type"] = "application/json"
      local description = (i % 3 == 0) and "null" or string.format('"Benchmark body %d: p99 above 2s."', i)
      local body = string.format('{"title":"Bench incident %d","description":%s,"severity":"%s"}',
        i, description, SEVERITIES[(i % 4) + 1])
      requests[i] = wrk.format("POST", "/v1/incidents", headers, body)
      expected_status = 201
    elseif mode == "missing" then
      requests[i] = wrk.format("GET", "/v1/incidents/" .. random_uuid(), headers)
      expected_status = 404
    else
      error("mode must be create or missing, not " .. tostring(mode))
    end
  end
end

function request()
  local r = requests[next_index]
  next_index = (next_index % VARIANTS) + 1
  return r
end

function response(status)
  if status ~= expected_status then
    unexpected = unexpected + 1
  end
end

function done(summary, latency)
  local wrong = 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("unexpected")
  end
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f requests=%d failed=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.requests, wrong + socket_errors))
end
