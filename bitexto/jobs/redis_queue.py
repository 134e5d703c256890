"""The scale-out job queue: Redis, for `bitexto worker` processes on any number of machines.

Three structures under one key prefix:

    {prefix}job:<id>   a hash: the job's state, payload, attempts, progress, result, claim token
    {prefix}queue      a list of queued job ids (pushed on the left, claimed from the right)
    {prefix}leases     a sorted set: running job id → the time its lease runs out

Every operation is one Lua script, so it is atomic on the server: a claim takes a job
whose lease ran out (its worker died) or pops a queued one, counts the attempt and
records the lease in one step; no two workers can claim the same job. Times come from
the Redis server's clock (TIME), so workers on machines whose clocks disagree still
agree on when a lease has run out.
"""

from __future__ import annotations

import json
import math

import redis

from bitexto.jobs.model import (
    DEFAULT_LEASE_SECONDS,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETENTION_SECONDS,
    INTERRUPTED_REASON,
    Job,
    JobState,
    new_job_id,
)

DEFAULT_PREFIX = "bitexto:jobs:"

# Scripts that read TIME and then write must replicate their effects, not their text:
# the default since Redis 7, asked for explicitly on Redis 5 and 6.
_PREAMBLE = """
if redis.replicate_commands then redis.replicate_commands() end
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local function held(key, token)
  return redis.call('HGET', key, 'state') == 'running' and redis.call('HGET', key, 'token') == token
end
-- A finished job is forgotten after the retention (seconds; 0 keeps it).
local function retain(key, seconds)
  if tonumber(seconds) > 0 then redis.call('EXPIRE', key, seconds) end
end
"""

# KEYS: queue. ARGV: prefix, id, kind, payload, max_attempts.
SUBMIT = _PREAMBLE + """
local t = now()
redis.call('HSET', ARGV[1] .. 'job:' .. ARGV[2], 'id', ARGV[2], 'kind', ARGV[3], 'state', 'queued',
  'payload', ARGV[4], 'attempts', 0, 'max_attempts', ARGV[5], 'progress_done', 0, 'progress_total', 0,
  'created_at', t, 'updated_at', t)
redis.call('LPUSH', KEYS[1], ARGV[2])
return 1
"""

# KEYS: queue, leases. ARGV: prefix, token, lease seconds, reason for jobs interrupted too
# often, retention seconds.
CLAIM = _PREAMBLE + """
local t = now()
local function take(id, key)
  redis.call('HINCRBY', key, 'attempts', 1)
  redis.call('HSET', key, 'state', 'running', 'token', ARGV[2], 'progress_done', 0, 'progress_total', 0,
    'updated_at', t)
  redis.call('ZADD', KEYS[2], t + tonumber(ARGV[3]), id)
  return redis.call('HGETALL', key)
end
-- First the jobs whose worker stopped renewing its lease: they have waited longest.
while true do
  local id = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', t, 'LIMIT', 0, 1)[1]
  if not id then break end
  local key = ARGV[1] .. 'job:' .. id
  if redis.call('HGET', key, 'state') ~= 'running' then
    redis.call('ZREM', KEYS[2], id)
  else
    local attempts = tonumber(redis.call('HGET', key, 'attempts'))
    if attempts >= tonumber(redis.call('HGET', key, 'max_attempts')) then
      redis.call('ZREM', KEYS[2], id)
      redis.call('HSET', key, 'state', 'failed', 'error', string.format(ARGV[4], attempts), 'token', '',
        'updated_at', t)
      redis.call('HDEL', key, 'payload')
      retain(key, ARGV[5])
    else
      return take(id, key)
    end
  end
end
while true do
  local id = redis.call('RPOP', KEYS[1])
  if not id then return false end
  local key = ARGV[1] .. 'job:' .. id
  if redis.call('HGET', key, 'state') == 'queued' then return take(id, key) end
end
"""

# KEYS: leases. ARGV: prefix, id, token, lease seconds[, done, total].
REPORT = _PREAMBLE + """
local key = ARGV[1] .. 'job:' .. ARGV[2]
if not held(key, ARGV[3]) then return 0 end
local t = now()
redis.call('ZADD', KEYS[1], t + tonumber(ARGV[4]), ARGV[2])
redis.call('HSET', key, 'updated_at', t)
if ARGV[5] then redis.call('HSET', key, 'progress_done', ARGV[5], 'progress_total', ARGV[6]) end
return 1
"""

# KEYS: leases, queue. ARGV: prefix, id, article id, retention seconds. Whoever finishes
# first wins (even a worker whose lease was taken over: its article is the same one).
COMPLETE = _PREAMBLE + """
local key = ARGV[1] .. 'job:' .. ARGV[2]
local state = redis.call('HGET', key, 'state')
if not state or state == 'done' then return 0 end
local t = now()
local total = tonumber(redis.call('HGET', key, 'progress_total') or '0')
if total > tonumber(redis.call('HGET', key, 'progress_done') or '0') then
  redis.call('HSET', key, 'progress_done', total)
end
redis.call('HSET', key, 'state', 'done', 'article_id', ARGV[3], 'error', '', 'token', '', 'updated_at', t)
redis.call('HDEL', key, 'payload')
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('LREM', KEYS[2], 0, ARGV[2])
retain(key, ARGV[4])
return 1
"""

# KEYS: leases, queue. ARGV: prefix, id, token, error, 'retry' or 'fail', retention seconds.
GIVE_BACK = _PREAMBLE + """
local key = ARGV[1] .. 'job:' .. ARGV[2]
if not held(key, ARGV[3]) then return false end
local t = now()
redis.call('ZREM', KEYS[1], ARGV[2])
local exhausted = tonumber(redis.call('HGET', key, 'attempts')) >= tonumber(redis.call('HGET', key, 'max_attempts'))
if ARGV[5] == 'retry' and not exhausted then
  redis.call('HSET', key, 'state', 'queued', 'error', ARGV[4], 'token', '', 'updated_at', t)
  redis.call('LPUSH', KEYS[2], ARGV[2])
  return 'queued'
end
redis.call('HSET', key, 'state', 'failed', 'error', ARGV[4], 'token', '', 'updated_at', t)
redis.call('HDEL', key, 'payload')
retain(key, ARGV[6])
return 'failed'
"""


class RedisQueue:
    def __init__(self, url: str, *, lease_seconds: float = DEFAULT_LEASE_SECONDS,
                 max_attempts: int = DEFAULT_MAX_ATTEMPTS, prefix: str = DEFAULT_PREFIX,
                 retention_seconds: float = DEFAULT_RETENTION_SECONDS):
        self.url = url
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.retention = math.ceil(retention_seconds)  # EXPIRE takes whole seconds
        self.prefix = prefix
        self.queue_key = prefix + "queue"
        self.leases_key = prefix + "leases"
        # Short timeouts: a worker that cannot reach Redis should say so and try again,
        # not hang; the redis client reconnects on the next call.
        self.client = redis.Redis.from_url(url, decode_responses=True, socket_timeout=10,
                                           socket_connect_timeout=5, health_check_interval=30)
        self._submit = self.client.register_script(SUBMIT)
        self._claim = self.client.register_script(CLAIM)
        self._report = self.client.register_script(REPORT)
        self._complete = self.client.register_script(COMPLETE)
        self._give_back = self.client.register_script(GIVE_BACK)

    def _key(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def submit(self, kind: str, payload: dict) -> Job:
        [job] = self.submit_many(kind, [payload])
        return job

    def submit_many(self, kind: str, payloads: list[dict]) -> list[Job]:
        job_ids = [new_job_id() for _ in payloads]
        # MULTI/EXEC: all of them or none, in the order given.
        with self.client.pipeline(transaction=True) as pipe:
            for job_id, payload in zip(job_ids, payloads):
                self._submit(keys=[self.queue_key], client=pipe, args=[
                    self.prefix, job_id, kind, json.dumps(payload, ensure_ascii=False), self.max_attempts])
            pipe.execute()
        return self.get_many(job_ids)

    def get(self, job_id: str) -> Job | None:
        [job] = self.get_many([job_id])
        return job

    def get_many(self, job_ids: list[str]) -> list[Job | None]:
        with self.client.pipeline(transaction=False) as pipe:
            for job_id in job_ids:
                pipe.hgetall(self._key(job_id))
            found = pipe.execute()
        return [_job(fields, with_token=False) if fields else None for fields in found]

    def claim(self, token: str) -> Job | None:
        flat = self._claim(keys=[self.queue_key, self.leases_key],
                           args=[self.prefix, token, self.lease_seconds, INTERRUPTED_REASON, self.retention])
        if not flat:
            return None
        return _job(dict(zip(flat[::2], flat[1::2])), with_token=True)

    def renew(self, job_id: str, token: str) -> bool:
        return bool(self._report(keys=[self.leases_key], args=[self.prefix, job_id, token, self.lease_seconds]))

    def progress(self, job_id: str, token: str, done: int, total: int) -> bool:
        return bool(self._report(keys=[self.leases_key],
                                 args=[self.prefix, job_id, token, self.lease_seconds, done, total]))

    def complete(self, job_id: str, token: str, article_id: str) -> bool:
        return bool(self._complete(keys=[self.leases_key, self.queue_key],
                                   args=[self.prefix, job_id, article_id, self.retention]))

    def fail(self, job_id: str, token: str, error: str) -> bool:
        return self._give_back(keys=[self.leases_key, self.queue_key],
                               args=[self.prefix, job_id, token, error, "fail", self.retention]) is not None

    def retry(self, job_id: str, token: str, error: str) -> JobState | None:
        state = self._give_back(keys=[self.leases_key, self.queue_key],
                                args=[self.prefix, job_id, token, error, "retry", self.retention])
        return JobState(state) if state else None

    def close(self) -> None:
        self.client.close()


def _job(fields: dict[str, str], *, with_token: bool) -> Job:
    return Job(
        id=fields["id"],
        kind=fields["kind"],
        state=JobState(fields["state"]),
        payload=json.loads(fields["payload"]) if fields.get("payload") else {},
        attempts=int(fields["attempts"]),
        max_attempts=int(fields["max_attempts"]),
        progress_done=int(fields["progress_done"]),
        progress_total=int(fields["progress_total"]),
        article_id=fields.get("article_id") or None,
        error=fields.get("error") or None,
        created_at=float(fields["created_at"]),
        updated_at=float(fields["updated_at"]),
        token=(fields.get("token") or None) if with_token else None,
    )
