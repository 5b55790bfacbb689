"""``python -m bot.staff [serve] [--host H] [--port P] [--dev]`` | ``hash-password``."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys

from bot.staff.security import DEFAULT_ITERATIONS, hash_password


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.staff", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the console alone (default)")
    for p in (parser, serve):
        p.add_argument("--host", default=os.environ.get("STAFF_HOST", "127.0.0.1"))
        p.add_argument("--port", type=int, default=int(os.environ.get("STAFF_PORT", "8081")))
        p.add_argument(
            "--dev", action="store_true", help="development mode (ephemeral secret, http)"
        )
    hp = sub.add_parser("hash-password", help="print a STAFF_USERS / STAFF_PASSWORD_HASH hash")
    hp.add_argument("--user", help="print 'user:<hash>' ready for STAFF_USERS")
    hp.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    hp.add_argument("--stdin", action="store_true", help="read the password from standard input")
    args = parser.parse_args(argv)

    if args.command == "hash-password":
        if args.stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Mot de passe : ")
            if getpass.getpass("Encore une fois : ") != password:
                print("Les deux saisies diffèrent.", file=sys.stderr)
                return 1
        if len(password) < 10:
            print("Mot de passe trop court (10 caractères au moins).", file=sys.stderr)
            return 1
        encoded = hash_password(password, iterations=args.iterations)
        print(f"{args.user}:{encoded}" if args.user else encoded)
        return 0

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from aiohttp import web

    from bot.staff.app import create_staff_app
    from bot.staff.config import StaffConfig, StaffConfigError

    try:
        config = StaffConfig.from_env(dev=True if args.dev else None)
    except StaffConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    web.run_app(create_staff_app(config=config), host=args.host, port=args.port, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
