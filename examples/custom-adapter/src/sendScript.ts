/**
 * The one Lua script the notifier runs for each send. Redis runs a script atomically, so two
 * dispatchers sending the same key at the same moment cannot both add an entry: the second finds the
 * dedupe key and gets the first entry's id back.
 *
 * The order matters. XADD comes BEFORE the `SET … EX`: a script that fails half-way keeps the
 * writes it already made (Redis has no rollback), so writing the dedupe key first would leave a key
 * without an entry when XADD fails (a key of the wrong type, memory full), and every retry would
 * then be "deduplicated" into a message that never existed.
 */

/**
 * KEYS[1] the dedupe key, KEYS[2] the stream.
 * ARGV[1] the dedupe window in seconds, ARGV[2] the approximate MAXLEN of the stream (0: none),
 * ARGV[3..] the entry's field, value, field, value…
 * Returns { 1 if the key was already sent, the entry id }.
 */
export const SEND_SCRIPT = `
local seen = redis.call('GET', KEYS[1])
if seen then return {1, seen} end
local id
if tonumber(ARGV[2]) > 0 then
  id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
else
  id = redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
end
redis.call('SET', KEYS[1], id, 'EX', tonumber(ARGV[1]))
return {0, id}
`;
