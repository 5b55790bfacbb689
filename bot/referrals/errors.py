"""Named errors of the referrals."""

from __future__ import annotations


class ReferralError(Exception):
    """Base class; the message is plain French, safe to show."""


class ReferralConfigError(ReferralError):
    """A setting is missing or invalid (the secret key, the SMTP server…)."""


class RedisUnavailable(ReferralError):
    """The referrals' Redis cannot be reached (down, refused, wrong password, too slow)."""


class InvalidReferral(ReferralError):
    """What was given cannot make a referral (no consent, bad contact, unknown place…)."""


class ReferralNotFound(ReferralError):
    pass


class LinkError(ReferralError):
    """A place's answer link that cannot be used."""


class LinkInvalid(LinkError):
    pass


class LinkExpired(LinkError):
    """The link's date has passed; ``referral_id``: the referral it was for (the signature is
    good), so that the page can say what became of it."""

    def __init__(self, message: str, referral_id: str | None = None) -> None:
        super().__init__(message)
        self.referral_id = referral_id


class LinkUsed(LinkError):
    """The referral was already answered: a link works once."""


class DeliveryError(ReferralError):
    """Sending failed for now (server down, timeout): the job is retried later."""


class DeliveryRejected(DeliveryError):
    """Sending can never succeed (address refused): the job is not retried."""
