"""Security settings of `make run` (bot/runner.py) and the dependency audit (docs/security.md).

The running checks (Rasa's HTTP API closed, webhook public, request size limit) are in
tests/assistant/test_bad_input.py against a real `rasa run`; the staff console's login, rate
limit, CSRF and headers in tests/bot/staff/test_staff_console.py; the Twilio signature and
Telegram secret in tests/bot/channels/test_channels_sms.py,
tests/bot/channels/test_channels_telegram.py and tests/assistant/test_bad_input.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot import runner
from bot.settings import PROJECT_ROOT, Settings


def test_rasa_api_closed_by_default():
    assert runner.rasa_api_args({}) == []
    assert runner.rasa_api_args({"RASA_AUTH_TOKEN": "x" * 32}) == []  # a token alone opens nothing


def test_rasa_api_never_opens_without_a_token():
    for env in ({"RASA_ENABLE_API": "1"}, {"RASA_ENABLE_API": "true", "RASA_AUTH_TOKEN": " "}):
        with pytest.raises(runner.ConfigurationError):
            runner.rasa_api_args(env)
    with pytest.raises(runner.ConfigurationError):
        runner.rasa_api_args({"RASA_ENABLE_API": "1", "RASA_AUTH_TOKEN": "short"})


def test_rasa_api_with_a_token_or_a_jwt_secret():
    token = "t" * 24
    assert runner.rasa_api_args({"RASA_ENABLE_API": "1", "RASA_AUTH_TOKEN": token}) == [
        "--enable-api", "--auth-token", token]  # fmt: skip
    args = runner.rasa_api_args({"RASA_ENABLE_API": "yes", "RASA_JWT_SECRET": "s" * 32})
    assert args == ["--enable-api", "--jwt-secret", "s" * 32, "--jwt-method", "HS256"]


def test_make_run_starts_rasa_without_the_api_and_with_a_body_limit(monkeypatch, tmp_path):
    for name in ("RASA_ENABLE_API", "RASA_AUTH_TOKEN", "RASA_JWT_SECRET",
                 "SANIC_REQUEST_MAX_SIZE"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ORIENTEUR_DATA_DIR", str(tmp_path))
    settings = Settings.from_env()
    actions, rasa, web = runner.services(settings, Path("m.tar.gz"), tmp_path / "e.yml")
    assert "--enable-api" not in rasa.argv and "--auth-token" not in rasa.argv
    assert rasa.env["SANIC_REQUEST_MAX_SIZE"] == str(runner.REQUEST_MAX_SIZE)
    # The action server receives whole trackers: it keeps Sanic's default limit.
    assert "SANIC_REQUEST_MAX_SIZE" not in actions.env
    assert "SANIC_REQUEST_MAX_SIZE" not in runner.child_env(settings)
    monkeypatch.setenv("RASA_ENABLE_API", "1")
    monkeypatch.setenv("RASA_AUTH_TOKEN", "a-long-enough-token-123")
    rasa = runner.services(settings, Path("m.tar.gz"), tmp_path / "e.yml")[1]
    i = rasa.argv.index("--enable-api")
    assert rasa.argv[i + 1 : i + 3] == ["--auth-token", "a-long-enough-token-123"]


def test_production_doc_never_exposes_the_api_without_a_token():
    text = (PROJECT_ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    assert "--enable-api --auth-token" in text
    assert "return 404; }  # the HTTP API stays private" in text


# --- pip-audit --------------------------------------------------------------------------------
def test_pip_audit_is_pinned_with_a_make_target():
    """Pinned in pyproject's `audit` extra, not in `dev`: pip-audit needs packaging>=23 and
    Rasa 3.6 pins packaging<21, so it gets its own venv (make audit-tool)."""
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    audit_extra = pyproject.split("\naudit = [", 1)[1].split("]", 1)[0]
    assert '"pip-audit==' in audit_extra
    dev_extra = pyproject.split("\ndev = [", 1)[1].split("]", 1)[0]
    assert "pip-audit" not in dev_extra
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\naudit: " in makefile and "scripts/audit.py" in makefile
    assert "audit-tool" in makefile.split("\ntest:", 1)[1].split("\n", 1)[0]


@pytest.mark.audit
def test_pip_audit_runs_and_every_finding_is_documented():
    """Runs pip-audit on this environment (needs the network: skipped, with the reason, without
    it) and checks that every vulnerability it reports is in docs/security.md."""
    script = PROJECT_ROOT / "scripts" / "audit.py"
    done = subprocess.run([sys.executable, str(script), "--json"], capture_output=True,
                          text=True, timeout=900, cwd=PROJECT_ROOT)  # fmt: skip
    if done.returncode == 2 and "not installed" in done.stderr:
        pytest.skip("pip-audit is not installed (make audit-tool)")
    if done.returncode == 3:
        pytest.skip(f"NOT AUDITED, {done.stderr.strip()[-400:]}")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    import json

    findings = json.loads(done.stdout)
    documented = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    missing = sorted({f["id"] for f in findings if f["id"] not in documented})
    assert not missing, f"pip-audit findings not in docs/security.md: {missing}"
