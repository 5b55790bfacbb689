"""`make audit`: pip-audit on the project's environment, with an honest exit code.

    python scripts/audit.py          # table of findings
    python scripts/audit.py --json   # [{"name", "version", "id", "aliases", "fix_versions"}]

Exit codes: 0 no known vulnerability; 1 vulnerabilities found (see docs/security.md for what we
do about each one); 2 pip-audit missing or failed; 3 the vulnerability service could not be
reached. pip-audit itself says "No known vulnerabilities found" when PyPI's JSON API answers
404 for every package (an offline mirror, a proxy): that is reported here as 3, never as 0.

It audits the interpreter running this script (``PIPAPI_PYTHON_LOCATION``), so pip-audit lives
elsewhere: it needs packaging>=23 and Rasa 3.6 pins packaging<21. ``make audit-tool`` installs the
pin of pyproject's ``audit`` extra into ``.venv-audit`` (found here by default); or
``PIP_AUDIT=/path/to/pip-audit python scripts/audit.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

UNREACHABLE = 3


def pip_audit_command() -> list[str] | None:
    given = os.environ.get("PIP_AUDIT")
    if given:
        return [given]
    probe = subprocess.run([sys.executable, "-m", "pip_audit", "--version"], capture_output=True)
    if probe.returncode == 0:
        return [sys.executable, "-m", "pip_audit"]
    beside = Path(__file__).resolve().parent.parent / ".venv-audit" / "bin" / "pip-audit"
    if beside.exists():  # `make audit-tool`
        return [str(beside)]
    found = shutil.which("pip-audit")
    return [found] if found else None


def run_audit() -> tuple[int, list[dict], str]:
    command = pip_audit_command()
    if command is None:
        return 2, [], "pip-audit is not installed: make audit-tool"
    env = dict(os.environ, PIPAPI_PYTHON_LOCATION=sys.executable)
    done = subprocess.run([*command, "--progress-spinner", "off", "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=900)  # fmt: skip
    try:
        report = json.loads(done.stdout)
    except ValueError:
        error = (done.stderr or done.stdout)[-1500:]
        code = UNREACHABLE if any(word in error for word in ("ConnectionError", "resolve",
                                                            "Max retries", "timed out")) else 2
        return code, [], error  # fmt: skip
    dependencies = report.get("dependencies", report if isinstance(report, list) else [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    skipped = [d for d in dependencies if "skip_reason" in d]
    if dependencies and not audited:
        return UNREACHABLE, [], (f"the vulnerability service answered for none of the "
                                 f"{len(skipped)} packages (e.g. {skipped[0]['skip_reason']})")
    findings = [
        {"name": d["name"], "version": d.get("version"), "id": v["id"],
         "aliases": v.get("aliases", []), "fix_versions": v.get("fix_versions", [])}
        for d in audited for v in d.get("vulns", [])
    ]  # fmt: skip
    note = f"{len(audited)} packages audited, {len(skipped)} skipped"
    return (1 if findings else 0), findings, note


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    code, findings, note = run_audit()
    if "--json" in args:
        print(json.dumps(findings, indent=1))
    else:
        for f in findings:
            fixes = ", ".join(f["fix_versions"]) or "no fix"
            aliases = ", ".join(f["aliases"])
            print(f"{f['name']} {f['version']}: {f['id']} ({aliases}) fixed in {fixes}")
    messages = {0: "no known vulnerability",
                1: f"{len(findings)} finding(s): see docs/security.md",
                2: "pip-audit failed",
                UNREACHABLE: "vulnerability service unreachable: NOT audited"}  # fmt: skip
    print(f"audit: {messages[code]} — {note}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
