/**
 * Lua run inside Valkey/Redis, so each step is atomic across nodes. RECORD applies the rule of
 * rules.ts (admitsResolver) — the shared store tests hold both implementations to it.
 */

/** KEYS[1] set; ARGV: field, value, ttl ms, max resolvers, "<ip>|", subnets per resolver. 1 = added. */
export const RECORD = `
local fields = redis.call('HKEYS', KEYS[1])
if #fields >= tonumber(ARGV[4]) then return 0 end
local same = 0
for _, f in ipairs(fields) do
  if f == ARGV[1] then return 0 end
  if string.sub(f, 1, #ARGV[5]) == ARGV[5] then same = same + 1 end
end
if same >= tonumber(ARGV[6]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if #fields == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1
`;

/** KEYS[1] set: its values, and the set is gone. */
export const TAKE = `
local values = redis.call('HVALS', KEYS[1])
redis.call('DEL', KEYS[1])
return values
`;
