"""`python -m bot run` | `python -m bot shell` | `python -m bot train` | `python -m bot web`."""

from __future__ import annotations

import argparse
import os
import sys

from bot.settings import Settings


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    parser = argparse.ArgumentParser(prog="python -m bot")
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run", help="train if needed, start the assistant and its web page")
    run_p.add_argument("--no-train", action="store_true", help="use the latest model as it is")
    sub.add_parser("train", help="train the model if the conversation design changed")
    sub.add_parser("shell", help="chat in the terminal (rasa shell + action server)")
    sub.add_parser("web", help="only the web server (demo page and widget)")
    args, extra = parser.parse_known_args(argv)
    settings = Settings.from_env()

    from bot import runner

    if args.command == "run":
        return runner.run(settings, train=not args.no_train)
    if args.command == "train":
        model = runner.train_if_needed(settings, runner.child_env(settings))
        print(model)
        return 0
    if args.command == "shell":
        return runner.shell(settings, extra)
    from bot.web.server import main as web_main

    web_main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
