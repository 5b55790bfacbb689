"""python -m bot.referrals work | purge [--days 90] | forget SENDER_ID | retry-dead | status |
outcomes [--by departement,outcome] [--since 2026-01-05] |
weekly [--departement 16 …] [--today 2026-03-18]

``outcomes --by week,outcome`` gives the answers per ISO week of the referral (Paris time), groups
under 5 left out. ``weekly`` prints the territory page's table (bot/referrals/weekly.py): a row per
answer (accepted, refused per reason, no answer, not helped), a column per week of the last 12
and the total, tab-separated, every count under 5 hidden and none computable ("—", "≥ n").
``work`` runs the queue's worker alone (the web server runs one already when referrals are on).
``status`` counts the jobs of the table and, with ``REFERRALS_QUEUE=redis``, what waits in Redis
(exit status 1 when Redis cannot be reached).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from datetime import date, timedelta

from bot.referrals.clock import PARIS, SystemClock
from bot.referrals.errors import RedisUnavailable, ReferralConfigError
from bot.referrals.models import open_engine
from bot.referrals.outcomes import DIMENSIONS, aggregate
from bot.referrals.queue import JobQueue
from bot.referrals.redis_queue import QUEUE_NAME, redis_counts, redis_url_from_env
from bot.referrals.service import forget_conversation, purge
from bot.referrals.weekly import weekly


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.referrals", description=__doc__)
    parser.add_argument("--url", help="database (default: REFERRALS_DATABASE_URL or var/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("work", help="run the worker until Ctrl-C")
    p_purge = sub.add_parser("purge", help="delete referrals older than the retention period")
    p_purge.add_argument("--days", type=float, default=90.0)
    p_forget = sub.add_parser("forget", help="delete the referrals of one conversation")
    p_forget.add_argument("sender_id")
    sub.add_parser("retry-dead", help="put the dead jobs back in the queue")
    sub.add_parser("status", help="jobs per status")
    p_outcomes = sub.add_parser("outcomes", help="answers and follow-ups, groups of 5 or more")
    p_outcomes.add_argument("--by", default="place_id,outcome", help=",".join(DIMENSIONS))
    p_outcomes.add_argument(
        "--since", type=date.fromisoformat, help="referrals of this day (YYYY-MM-DD) and later"
    )
    p_weekly = sub.add_parser("weekly", help="the last 12 weeks' answers, small counts hidden")
    p_weekly.add_argument("--departement", action="append", help="repeat for several; default all")
    p_weekly.add_argument(
        "--today", type=date.fromisoformat, help="a day of the last week (default: today, Paris)"
    )
    args = parser.parse_args(argv)
    engine = open_engine(args.url)
    clock = SystemClock()
    if args.command == "purge":
        print(f"deleted {purge(engine, clock.now() - timedelta(days=args.days))} referral(s)")
    elif args.command == "forget":
        print(f"deleted {forget_conversation(engine, args.sender_id)} referral(s)")
    elif args.command == "retry-dead":
        print(f"{JobQueue(engine, clock).retry_dead()} job(s) back in the queue")
    elif args.command == "status":
        return _status(JobQueue(engine, clock))
    elif args.command == "outcomes":
        for row in aggregate(engine, args.by.split(","), since=args.since):
            print("\t".join(str(v) for v in row.values()))
    elif args.command == "weekly":
        today = args.today or clock.now().astimezone(PARIS).date()
        for line in weekly(engine, today, departements=args.departement).lines():
            print("\t".join(line))
    else:
        return _work()
    return 0


def _status(queue: JobQueue) -> int:
    print(f"table: {_counts(dict(sorted(queue.counts().items())))}", flush=True)
    try:
        redis_url = redis_url_from_env(os.environ)
        if redis_url is not None:
            print(f"redis {QUEUE_NAME}: {_counts(asyncio.run(redis_counts(redis_url)))}")
    except (ReferralConfigError, RedisUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items()) or "no job"


def _work() -> int:
    from bot.referrals.chat import default_service

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    service = default_service()
    if service is None:
        print("error: referrals are off (ORIENTEUR_SECRET_KEY is not set)", file=sys.stderr)
        return 2

    async def run() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, stop.set)
        await service.worker().run_forever(stop)

    asyncio.run(run())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
