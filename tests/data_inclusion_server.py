"""A real HTTP server on 127.0.0.1 that speaks the data·inclusion API's shape: scripted replies
for the search, a service by its path, every request recorded (tests/directory/test_remote.py,
tests/directory/test_remote_backend.py)."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def service_item(id_: str, nom: str, distance: int | None, thematiques: list[str], **extra) -> dict:
    service = {
        "source": "dora",
        "structure_id": f"s-{id_}",
        "id": id_,
        "nom": nom,
        "description": "Accompagnement aux usages du numérique pour tous les habitants.",
        "date_maj": "2025-02-14",
        "thematiques": thematiques,
        "frais": "gratuit",
        "adresse": "12 rue de la Gare",
        "commune": "Roubaix",
        "code_postal": "59100",
        "code_insee": "59512",
        "latitude": 50.69,
        "longitude": 3.18,
        "telephone": "+33320000000",
        "courriel": "contact@example.org",
        "modes_accueil": ["en-presentiel"],
        "lien_mobilisation": "https://example.org/rdv",
    }
    service.update(extra)
    return {"service": service, "distance": distance}


NORMAL_ANSWER = {
    "items": [
        service_item(
            "svc-1",
            "Aide aux démarches en ligne",
            2,
            [
                "numerique--acceder-a-des-services-en-ligne",
                "numerique--maitriser-les-fondamentaux-du-numerique",
            ],
            structure={
                "nom": "Centre social Nautilus",
                "site_web": "https://nautilus.example.org",
                "horaires_accueil": None,
            },
        ),
        service_item(
            "svc-2",
            "Point numérique",
            7,
            ["numerique--acceder-a-une-connexion-internet"],
            frais="payant",
            telephone=None,
            structure={"nom": "Médiathèque", "telephone": "+33320111111"},
        ),
    ],
    "total": 2,
    "page": 1,
    "size": 3,
    "pages": 1,
}


# --- the real HTTP server ------------------------------------------------------------------------
@dataclass
class Reply:
    status: int = 200
    body: bytes | dict = field(default_factory=lambda: NORMAL_ANSWER)
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Recorded:
    path: str
    params: dict[str, list[str]]
    headers: dict[str, str]


class FakeDataInclusion:
    """Serves scripted replies in order (then the last one again), or the reply of a path given in
    ``by_path``, and records every request."""

    def __init__(self) -> None:
        self.replies: list[Reply] = [Reply()]
        self.by_path: dict[str, Reply] = {}  # answered whatever the scripted replies
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                url = urlsplit(self.path)
                with fake._lock:
                    fake.requests.append(
                        Recorded(url.path, parse_qs(url.query), dict(self.headers.items()))
                    )
                    reply = fake.by_path.get(url.path)
                    if reply is None and url.path.startswith("/api/v1/services/"):
                        reply = Reply(404, {"detail": "Not Found"})  # a service it does not know
                    if reply is None:
                        reply = fake.replies.pop(0) if len(fake.replies) > 1 else fake.replies[0]
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body)
                body = body if isinstance(body, bytes) else body.encode("utf-8")
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        host, port = self.server.server_address[:2]
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)

    def __enter__(self) -> FakeDataInclusion:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()
