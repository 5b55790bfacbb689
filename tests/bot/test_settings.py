from __future__ import annotations

from bot.settings import PROJECT_ROOT, Settings


def test_defaults() -> None:
    s = Settings.from_env({})
    assert (s.rasa_port, s.action_port, s.web_port, s.host) == (5005, 5055, 8080, "127.0.0.1")
    assert s.model_dir == PROJECT_ROOT / "models"
    assert s.directory_sqlite_path == PROJECT_ROOT / "var" / "directory.sqlite3"
    assert s.rasa_public_url == "http://localhost:5005"
    assert s.web_public_url == "http://localhost:8080"
    assert s.action_endpoint_url == "http://127.0.0.1:5055/webhook"
    csp = s.content_security_policy()
    assert "connect-src 'self' http://localhost:5005 ws://localhost:5005" in csp
    assert "http://127.0.0.1:5005 ws://127.0.0.1:5005" in csp
    assert "script-src 'self'" in csp and "unsafe" not in csp


def test_environment_and_https_public_url() -> None:
    s = Settings.from_env(
        {"RASA_PORT": "6005", "WEB_PORT": "9090", "ACTION_PORT": "6055",
         "RASA_PUBLIC_URL": "https://rasa.example.fr/", "DIRECTORY_DATABASE_URL": "postgresql://x"}
    )  # fmt: skip
    assert (s.rasa_port, s.web_port, s.action_port) == (6005, 9090, 6055)
    assert s.rasa_public_url == "https://rasa.example.fr"
    assert s.directory_database_url == "postgresql://x"
    assert "connect-src 'self' https://rasa.example.fr wss://rasa.example.fr;" in (
        s.content_security_policy()
    )
