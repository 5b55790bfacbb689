"""E-mail over SMTP (any server: the town's relay, a transactional provider, aiosmtpd in tests).

Settings: ``SMTP_HOST`` (no host: e-mail is off), ``SMTP_PORT`` (25), ``SMTP_FROM`` (required),
``SMTP_USER`` / ``SMTP_PASSWORD`` (optional), ``SMTP_STARTTLS=1`` (upgrade the connection),
``SMTP_TIMEOUT`` (10 s). A message's Message-ID is made from the job key: the same on every
attempt, so that a retry after a lost answer can be recognised as the same e-mail.
"""

from __future__ import annotations

import hashlib
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from bot.referrals.errors import DeliveryError, DeliveryRejected, ReferralConfigError


def message_id(key: str, sender: str) -> str:
    domain = sender.rpartition("@")[2].strip(" >") or "orienteur.invalid"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


@dataclass(frozen=True)
class Mail:
    to: tuple[str, ...]
    subject: str
    text: str


@dataclass(frozen=True)
class SmtpMailer:
    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> SmtpMailer | None:
        env = dict(os.environ if env is None else env)
        host = env.get("SMTP_HOST", "").strip()
        if not host:
            return None
        sender = env.get("SMTP_FROM", "").strip()
        if "@" not in sender:
            raise ReferralConfigError("SMTP_FROM must be an e-mail address when SMTP_HOST is set")
        return cls(
            host=host,
            port=int(env.get("SMTP_PORT") or 25),
            sender=sender,
            user=env.get("SMTP_USER", "").strip() or None,
            password=env.get("SMTP_PASSWORD") or None,
            starttls=env.get("SMTP_STARTTLS", "").strip().lower() in ("1", "true", "yes"),
            timeout=float(env.get("SMTP_TIMEOUT") or 10.0),
        )

    def build(self, mail: Mail, key: str) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = ", ".join(mail.to)
        message["Subject"] = mail.subject
        message["Date"] = formatdate(localtime=False, usegmt=True)
        message["Message-ID"] = message_id(key, self.sender)
        message["Auto-Submitted"] = "auto-generated"
        message.set_content(mail.text)
        return message

    def send(self, mail: Mail, key: str) -> None:
        """Send once; ``DeliveryError`` to retry later, ``DeliveryRejected`` never to retry."""
        message = self.build(mail, key)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.user:
                    smtp.login(self.user, self.password or "")
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            if all(500 <= code < 600 for code in codes):
                raise DeliveryRejected("adresse refusée par le serveur de courriel") from exc
            raise DeliveryError("adresse refusée pour le moment") from exc
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code in (550, 551, 553, 554):
                raise DeliveryRejected(f"courriel refusé ({exc.smtp_code})") from exc
            raise DeliveryError(f"serveur de courriel : {exc.smtp_code}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"serveur de courriel injoignable ({type(exc).__name__})") from exc
