"""The translation lane's admission rules (bitexto.admission), with threads held in it on purpose.

Nothing here measures time: each test holds slots, fills the queue, and checks who gets
in, who is refused and why, and in which order waiters are let in.
"""

from __future__ import annotations

import threading
import time

import pytest

from bitexto.admission import BUSY, OVER_SHARE, WAITED_TOO_LONG, AdmissionLane, Refused

PATIENT = 60.0  # max_wait for tests where nobody should time out


class Waiting:
    """A thread trying to enter the lane as `client`; records whether it got in or why not."""

    def __init__(self, lane: AdmissionLane, client: str, log: list[str] | None = None):
        self.lane, self.client, self.log = lane, client, log
        self.entered = threading.Event()
        self.leave = threading.Event()
        self.refusal: Refused | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        try:
            with self.lane.admitted(self.client):
                if self.log is not None:
                    self.log.append(self.client)
                self.entered.set()
                self.leave.wait(PATIENT)
        except Refused as refusal:
            self.refusal = refusal

    def finish(self):
        self.leave.set()
        self.thread.join(PATIENT)
        assert not self.thread.is_alive()


def until(condition, timeout: float = 30.0):
    """Wait for `condition()` (another thread's progress); fails the test if it never comes."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the lane never got there")
        time.sleep(0.005)


def waiting_count(lane: AdmissionLane) -> int:
    return lane.counts().waiting


def test_a_free_slot_is_taken_at_once_and_given_back():
    lane = AdmissionLane(slots=2, queue_size=0, max_wait=PATIENT)
    with lane.admitted("a"), lane.admitted("b"):
        assert lane.counts().running == 2
    assert (lane.counts().running, lane.counts().admitted) == (0, 2)


def test_with_every_slot_and_queue_place_taken_the_next_request_is_refused_busy_without_waiting():
    lane = AdmissionLane(slots=1, queue_size=1, max_wait=PATIENT)
    holder = Waiting(lane, "a")
    holder.entered.wait(PATIENT)
    queued = Waiting(lane, "b")
    until(lambda: waiting_count(lane) == 1)

    with pytest.raises(Refused) as refused:
        lane.acquire("c")  # in this thread: if it waited, the test would hang here

    assert (refused.value.reason, refused.value.status) == (BUSY, 503)
    assert refused.value.retry_after >= 1 and (refused.value.running, refused.value.waiting) == (1, 1)
    assert not queued.entered.is_set()  # the slot is still held: "c" was refused, not queued
    holder.finish()
    queued.entered.wait(PATIENT)
    queued.finish()
    assert queued.refusal is None and lane.counts().refused == {BUSY: 1}


def test_a_request_that_would_wait_longer_than_max_wait_is_refused_at_once():
    lane = AdmissionLane(slots=1, queue_size=10, max_wait=5)
    # One request took 100 s: the next one would wait about that long.
    lane.release("a", lane.acquire("a") - 100)
    holder = Waiting(lane, "a")
    holder.entered.wait(PATIENT)

    with pytest.raises(Refused) as refused:
        lane.acquire("b")

    # A place frees when the running request ends, ~100 s from now; Retry-After says
    # no more than max_wait, the longest anyone is asked to wait.
    assert refused.value.reason == BUSY and refused.value.retry_after == 5
    assert waiting_count(lane) == 0  # the queue had room, but no place in it was worth taking
    holder.finish()


def test_a_waiter_gives_up_after_max_wait():
    lane = AdmissionLane(slots=1, queue_size=1, max_wait=0.05)
    holder = Waiting(lane, "a")
    holder.entered.wait(PATIENT)

    with pytest.raises(Refused) as refused:
        lane.acquire("b")

    assert (refused.value.reason, refused.value.status) == (WAITED_TOO_LONG, 503)
    assert waiting_count(lane) == 0  # it left the queue
    holder.finish()


def test_a_freed_slot_goes_to_the_client_with_fewest_running_not_to_the_longest_queue():
    lane = AdmissionLane(slots=1, queue_size=10, max_wait=PATIENT)
    order: list[str] = []
    holder = Waiting(lane, "flood", order)
    holder.entered.wait(PATIENT)
    flood = []
    for number in range(5):
        flood.append(Waiting(lane, "flood", order))
        until(lambda: waiting_count(lane) == number + 1)
    single = Waiting(lane, "single", order)
    until(lambda: waiting_count(lane) == 6)

    holder.finish()
    single.entered.wait(PATIENT)
    single.finish()
    for waiter in flood:
        waiter.entered.wait(PATIENT)
        waiter.finish()

    # The lone request went second, not seventh; the flood kept its own order.
    assert order == ["flood", "single", "flood", "flood", "flood", "flood", "flood"]


def test_when_the_queue_is_full_a_newcomer_takes_the_place_of_the_heaviest_clients_newest_waiter():
    lane = AdmissionLane(slots=1, queue_size=3, max_wait=PATIENT)
    holder = Waiting(lane, "flood")
    holder.entered.wait(PATIENT)
    flood = []
    for number in range(3):
        flood.append(Waiting(lane, "flood"))
        until(lambda: waiting_count(lane) == number + 1)

    single = Waiting(lane, "single")
    flood[-1].thread.join(PATIENT)  # bumped out: refused, and its thread is done

    assert (flood[-1].refusal.reason, flood[-1].refusal.status) == (OVER_SHARE, 429)
    assert waiting_count(lane) == 3 and flood[-1].refusal.retry_after >= 1
    holder.finish()
    single.entered.wait(PATIENT)  # next in, ahead of the flood's two older waiters
    assert not flood[0].entered.is_set()
    single.finish()
    for waiter in flood[:2]:
        waiter.entered.wait(PATIENT)
        waiter.finish()
        assert waiter.refusal is None


def test_a_client_over_its_share_hears_429_and_a_newcomer_to_a_busy_server_503():
    lane = AdmissionLane(slots=1, queue_size=3, max_wait=PATIENT)
    holders = [Waiting(lane, "a")]
    holders[0].entered.wait(PATIENT)
    for count, client in enumerate(("b", "c", "d"), start=1):
        holders.append(Waiting(lane, client))
        until(lambda: waiting_count(lane) == count)

    with pytest.raises(Refused) as again:
        lane.acquire("a")  # holds its one place of four among four clients: a second is over
    with pytest.raises(Refused) as newcomer:
        lane.acquire("e")  # holds nothing, and nobody holds more than one: the server is busy

    assert (again.value.reason, again.value.status) == (OVER_SHARE, 429)
    assert (newcomer.value.reason, newcomer.value.status) == (BUSY, 503)
    for holder in holders:
        holder.finish()
        assert holder.refusal is None


def test_one_client_alone_is_never_over_its_share():
    lane = AdmissionLane(slots=1, queue_size=1, max_wait=PATIENT)
    holder = Waiting(lane, "only")
    holder.entered.wait(PATIENT)
    queued = Waiting(lane, "only")
    until(lambda: waiting_count(lane) == 1)

    with pytest.raises(Refused) as refused:
        lane.acquire("only")

    assert refused.value.reason == BUSY
    holder.finish()
    queued.finish()
