"""A throw-away Redis server on loopback (Debian's redis-server, installed by
scripts/install-services.sh), for the tests. No persistence, no daemon: a child process."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOT_INSTALLED = "redis-server not installed: run scripts/install-services.sh (needs root)"


def find_redis_server() -> str | None:
    return shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, binary: str, password: str | None = None) -> None:
        self.binary = binary
        self.password = password
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="orienteur-redis-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> RedisServer:
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no", "--daemonize", "no",
                   "--dir", str(self.root)]  # fmt: skip
        if self.password:
            command += ["--requirepass", self.password]
        log = (self.root / "redis.log").open("wb")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.root / 'redis.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(64):
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not answer in time")

    def restart(self) -> RedisServer:
        """Stop the server and start an empty one on the same port (no persistence: all lost)."""
        self.halt()
        return self.start()

    def stop(self) -> None:
        self.halt()
        shutil.rmtree(self.root, ignore_errors=True)

    def halt(self) -> None:
        """Stop the process only (``start`` brings an empty server back on the same port)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


@contextmanager
def redis_or_skip(password: str) -> Iterator[RedisServer]:
    """A real Redis of the caller's own on loopback (the test is skipped without redis-server)."""
    binary = find_redis_server()
    if binary is None:
        pytest.skip(NOT_INSTALLED)
    with RedisServer(binary, password=password) as server:
        yield server
