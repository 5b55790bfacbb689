"""Who may do what in the console, beyond orienting: territory roles of staff accounts.

``STAFF_ROLES="claire=coordination:departement:16,nadia=lecture:region:75"``: each entry names
an account of ``STAFF_USERS`` and a territory (``commune:CODE``, ``departement:CODE`` or
``region:CODE``, INSEE codes, as ``directory_client.corrections.scope`` reads them).

- ``coordination``: sees the territory's page and reviews the reports on its places (accept or
  reject: applied at once, logged in the directory's ``correction_log``);
- ``lecture``: sees the same page, reviews nothing.

Every account reports problems on the places it finds on the desk; an account without a role
has no territory page. Changes stay in the coordinator's territory (``OutOfScope`` beyond it).
"""

from __future__ import annotations

from dataclasses import dataclass

from directory_client.corrections.scope import Coordinator
from directory_client.errors import CorrectionError

ROLES = {"coordination": "coordinateur", "lecture": "lecture seule"}
LEVEL_NAMES = {"commune": "commune", "departement": "département", "region": "région"}


class StaffRolesError(ValueError):
    """STAFF_ROLES is malformed or names an unknown account."""


@dataclass(frozen=True)
class TerritoryRole:
    role: str  # a key of ROLES
    scope: Coordinator  # the account and its territory

    @property
    def can_review(self) -> bool:
        return self.role == "coordination"

    @property
    def label(self) -> str:
        return f"{ROLES[self.role]} · {self.where}"

    @property
    def where(self) -> str:
        return f"{LEVEL_NAMES[self.scope.level]} {self.scope.code}"


def parse_roles(text: str, users: dict[str, str]) -> dict[str, TerritoryRole]:
    """``user=role:level:code`` entries, comma-separated → {user: role}."""
    roles: dict[str, TerritoryRole] = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        user, sep, rest = item.partition("=")
        role, _, scope = rest.partition(":")
        user, role = user.strip(), role.strip().lower()
        if not sep or not user or role not in ROLES:
            raise StaffRolesError(
                f"STAFF_ROLES entry {item!r}: expected user=coordination:departement:16 "
                f"(role one of {', '.join(ROLES)})"
            )
        if user not in users:
            raise StaffRolesError(f"STAFF_ROLES names {user!r}, who is not in STAFF_USERS")
        if user in roles:
            raise StaffRolesError(f"STAFF_ROLES gives {user!r} two roles")
        try:
            roles[user] = TerritoryRole(role, Coordinator.parse(user, scope))
        except CorrectionError as exc:
            raise StaffRolesError(f"STAFF_ROLES entry {item!r}: {exc}") from exc
    return roles
