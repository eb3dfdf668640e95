-- Files new cases: one per request, or a batch of N per request. Every case has a source reference and an identity
-- number of its own, so no request is answered as a duplicate and no case is linked to another.
-- Arguments: token, run tag (letters/digits), run number (0-99), mode (single|batch), batch size.
local threads = {}
local counter = 0
local prefix, run, mode, batch
local received = os.date("!%Y-%m-%d", os.time() - 3 * 86400)

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = args[2] .. "-" .. tid
  run = tonumber(args[3])
  mode = args[4] or "single"
  batch = tonumber(args[5] or "1000")
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.headers["Content-Type"] = "application/json"
end

local function case(n)
  local ref = prefix .. "-" .. n
  return string.format('{"sourceSystem":"bench","sourceReference":"%s","provinceCode":"VN-HN",'
    .. '"receivingBodyCode":"HN-INSPECTORATE","channel":"LETTER","kind":"COMPLAINT","receivedOn":"%s",'
    .. '"subject":"Compensation for recovered land, plot %s","complainant":{"fullName":"Nguyen Van %d",'
    .. '"idNumber":"%02d%01d%09d","address":"%d Trang Tien"}}', ref, received, ref, n, run, tid % 10, n, n)
end

function request()
  if mode == "batch" then
    local items = {}
    for i = 1, batch do
      counter = counter + 1
      items[i] = case(counter)
    end
    return wrk.format(nil, nil, nil, '{"cases":[' .. table.concat(items, ",") .. ']}')
  end
  counter = counter + 1
  return wrk.format(nil, nil, nil, case(counter))
end
