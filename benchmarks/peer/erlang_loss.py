#!/usr/bin/env python3
"""The Erlang-loss peer: a plain-Python, heapq discrete-event model of the same queue as
erlang-PLACES.yaml (one limited placement type overflowing to an unlimited market, Poisson
entries, exponential stays for every child wherever placed), so carecast's engine can be timed
against a simple implementation in one run (compare.sh). It counts events as carecast does:
entries, exits and month ends.

usage: erlang_loss.py PLACES ENTRIES_PER_DAY MEAN_STAY_DAYS MONTHS REPLICATIONS [SEED]
"""
import heapq
import random
import sys
import time

DAYS_PER_MONTH = 365.25 / 12


def replicate(places, rate, mean_stay, months, rng):
    horizon = months * DAYS_PER_MONTH
    queue = []  # (time, sequence, kind, in_council)
    seq = 0
    in_council = 0
    entries = blocked = events = 0
    heapq.heappush(queue, (rng.expovariate(rate), seq, 0, False))
    for m in range(1, months + 1):
        seq += 1
        heapq.heappush(queue, (m * DAYS_PER_MONTH, seq, 2, False))
    while queue:
        t, _, kind, council = heapq.heappop(queue)
        if t > horizon:
            break
        events += 1
        if kind == 0:  # an entry: placed in the council's places if one is free, else the market
            entries += 1
            placed = in_council < places
            if placed:
                in_council += 1
            else:
                blocked += 1
            seq += 1
            heapq.heappush(queue, (t + rng.expovariate(1.0 / mean_stay), seq, 1, placed))
            seq += 1
            heapq.heappush(queue, (t + rng.expovariate(rate), seq, 0, False))
        elif kind == 1:  # an exit
            if council:
                in_council -= 1
        # kind 2, a month end: carecast closes its tallies here; the peer only counts it
    return events, entries, blocked


def main():
    places, rate, mean_stay, months, reps = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 7
    start = time.perf_counter()
    total_events = total_entries = total_blocked = 0
    for r in range(reps):
        events, entries, blocked = replicate(places, rate, mean_stay, months, random.Random(seed * 1_000_003 + r))
        total_events += events
        total_entries += entries
        total_blocked += blocked
    seconds = time.perf_counter() - start
    print(f"python peer: {places} places, {reps} replications: {total_events} events in {seconds:.2f} s,"
          f" {total_events / seconds / 1e6:.3f} million events per second; overflow share {total_blocked / max(1, total_entries):.4f}")


if __name__ == "__main__":
    main()
