"""Every text the referrals send: to the place (e-mail) and to the person (SMS or e-mail)."""

from __future__ import annotations

from datetime import datetime

from actions import texts as responses
from bot.referrals.clock import PARIS
from bot.referrals.mail import Mail
from bot.referrals.models import REFUSAL_REASONS, Desk, Referral
from directory_client import display
from directory_client.french_dates import french_date, french_time
from directory_client.labels import HELPLINE

NO_DESK = (
    "Les lieux ne savent pas qui vous êtes : votre accueil n'a ni nom ni téléphone dans les "
    "réglages (REFERRALS_DESKS). Demandez-les à l'administrateur."
)
FOLLOWUP_QUESTION = "Avez-vous pu être aidé ? 1 oui, 2 non, 3 pas encore"
FOLLOWUP_THANKS = "Merci, c'est noté. Vos coordonnées sont maintenant effacées."


NO_MAIL_SENDER = "L'envoi de courriels n'est pas configuré sur ce poste."
BY_PHONE = "La personne a choisi d'être appelée : aucun message ne lui est envoyé."


CHAT_NO_SMS = "Je ne peux pas envoyer de SMS d'ici : donnez-moi plutôt une adresse e-mail."


def channel_off(why: str) -> str:
    """The referral form's error: the chosen way to reach the person does not work here."""
    return f"{why} Choisissez un autre moyen de joindre la personne."


def place_answer_said(
    referral: Referral, cannot_tell: str | None, desk: Desk | None = None
) -> str:
    """What the answer page says once the place answered: that the person is told, only when a
    message can leave; else who tells her, and how to reach her (``cannot_tell``: why not)."""
    if referral.status == "acceptee":
        when = f" le {format_slot(referral.slot_at)}" if referral.slot_at else ""
        said = f"Vous recevez la personne{when}."
        if cannot_tell is None:
            return f"{said} Elle est prévenue."
        reach = contact_text(referral)
        if referral.contact_channel == "phone":
            return f"{said} Appelez-la au {reach} pour la prévenir."
        how = (
            f"écrivez-lui : {reach}"
            if referral.contact_channel == "email"
            else f"appelez-la au {reach}"
        )
        return f"{said} Elle n'a pas pu être prévenue d'ici : {how}."
    if cannot_tell is None:
        return "C'est noté : la personne est prévenue et un autre lieu lui est proposé."
    return (
        f"C'est noté. La personne n'a pas pu être prévenue d'ici : {_by(referral, desk)} "
        "s'en charge."
    )


def to_tell(referral: Referral, message: str) -> str:
    """The desk's line when the person could not be told from here: how to reach her, what to
    tell her (``message``: what she would have received) and the place's note."""
    reach = contact_text(referral)
    by_mail = referral.contact_channel == "email"
    how = f"écrivez-lui ({reach})" if by_mail else f"appelez-la au {reach}"
    note = f" Précision du lieu : « {referral.refusal_note} »." if referral.refusal_note else ""
    return f"À prévenir : {how} et dites-lui : « {message} »{note}"


def link_closed(
    referral: Referral | None, reach: str, closed: datetime | None, desk: Desk | None = None
) -> str:
    """The place's page behind an expired link: what became of the referral and what to do
    (``reach``: the person's number while the desk still has to call her)."""
    if referral is None:
        return "Ce lien a expiré et cette orientation n'existe plus : vous n'avez rien à faire."
    if referral.status == "sans_reponse":
        said = (
            f"Ce lien a expiré : sans réponse le {format_slot(closed)}, l'orientation a été close "
            "et un autre lieu a été proposé à la personne."
            if closed
            else "Ce lien a expiré : l'orientation a été close sans réponse."
        )
        if reach:
            return f"{said} Si vous pouvez la recevoir, appelez-la au {reach}."
        if referral.origin == "staff":
            return f"{said} Si vous pouvez la recevoir, prévenez {_by(referral, desk)}."
        return f"{said} Vous n'avez rien à faire."
    if referral.status in ("acceptee", "refusee"):
        return (
            f"Ce lien a expiré. Cette orientation a déjà reçu une réponse "
            f"({referral.status_label}) : vous n'avez rien à faire."
        )
    return "Ce lien a expiré : l'orientation va être close. Vous n'avez rien à faire."


def chat_cannot_notify(phone_text: str) -> str:
    """The chat's answer when the place cannot be told from here (``phone_text``: "03 20 …")."""
    return "Je ne peux pas prévenir ce lieu d'ici : appelez-le" + (
        f" au {phone_text}." if phone_text else "."
    )


def format_slot(when: datetime) -> str:
    """``mardi 9 décembre à 14 h 30`` (Paris time)."""
    local = when.astimezone(PARIS)
    return f"{format_day(when)} à {french_time(local.hour, local.minute)}"


def format_day(when: datetime) -> str:
    """``mardi 9 décembre`` (Paris time)."""
    return french_date(when.astimezone(PARIS), year=False)


def slot_closed(when: datetime, day_hours: str | None) -> str:
    """The answer page's warning: the slot falls outside the place's hours (``day_hours``:
    "8 h–12 h, 13 h 30–17 h" that day, "" closed all day, None unknown)."""
    if day_hours == "":  # closed all day: the day says it, once
        closed = f"vous êtes fermés le {format_day(when)}."
    else:
        closed = f"vous êtes fermés le {format_slot(when)}."
        if day_hours:
            closed += f" Ce jour-là, vous êtes ouverts : {day_hours}."
    return (
        f"D'après vos horaires, {closed} Choisissez un autre moment, ou acceptez sans date."
    )


def what(referral: Referral) -> str:
    return referral.service or referral.need


def _person(referral: Referral) -> str:
    return f"une personne ({referral.person_name})" if referral.person_name else "une personne"


def _by(referral: Referral, desk: Desk | None = None) -> str:
    """Who referred the person: the desk by its name and phone when its settings give them
    (``REFERRALS_DESKS``), so that the place can call it back."""
    if referral.origin != "staff":
        return "l'assistant Orienteur"
    if desk is None:
        return "l'accueil qui l'a reçue"
    phone = display.phone_text(desk.phone)
    return desk.name + (f" (tél. {phone})" if phone else "")


def place_request(
    referral: Referral, link: str, expires: datetime, desk: Desk | None = None
) -> Mail:
    lines = [
        "Bonjour,",
        "",
        f"U{_person(referral)[1:]} vous est orientée par {_by(referral, desk)} pour : "
        f"{what(referral)}.",
    ]
    if referral.request:
        lines.append(f"Ce qu'elle souhaite faire : {referral.request}")
    lines += [
        "",
        "Pouvez-vous la recevoir ? Répondez en un clic, sans compte (vous pouvez proposer "
        "un rendez-vous, ou dire pourquoi ce n'est pas possible) :",
        link,
        "",
        f"Ce lien personnel fonctionne une fois, jusqu'au {format_slot(expires)} ; sans "
        "réponse d'ici là, un autre lieu sera proposé à la personne.",
        "Sans réponse, nous vous relancerons une fois dans 3 jours ouvrés.",
        "",
        "Orienteur — orientation vers l'aide au numérique",
    ]
    return Mail(tuple(referral.emails), f"Orientation : {what(referral)}", "\n".join(lines))


def place_reminder(
    referral: Referral, link: str, expires: datetime, desk: Desk | None = None
) -> Mail:
    first = place_request(referral, link, expires, desk)
    text = first.text.replace(
        "Bonjour,\n", "Bonjour,\n\nNous n'avons pas encore votre réponse à cette orientation.\n", 1
    ).replace("Sans réponse, nous vous relancerons une fois dans 3 jours ouvrés.\n", "")
    return Mail(first.to, f"Relance — orientation : {what(referral)}", text)


def contact_text(referral: Referral) -> str:
    """How to reach the person, as a French reader writes it: ``+33612345678`` →
    ``06 12 34 56 78`` (the places' phone formatter); an e-mail address as given; ``""`` once
    erased."""
    if not referral.contact:
        return ""
    if referral.contact_channel == "email":
        return referral.contact
    return display.phone_text(referral.contact)


def _place_line(name: str, address: str | None, phone: str | None) -> str:
    parts = [name]
    if address:
        parts.append(address)
    if phone:
        parts.append(f"tél. {display.phone_text(phone)}")
    return ", ".join(parts)


def _address_line(referral: Referral) -> str:
    phone = display.phone_text(referral.place_phone)
    parts = [referral.place_address, f"tél. {phone}" if phone else ""]
    shown = ", ".join(p for p in parts if p)
    return f" Adresse : {shown}." if shown else ""


def accepted(referral: Referral) -> str:
    when = f" le {format_slot(referral.slot_at)}" if referral.slot_at else ""
    then = "" if referral.slot_at else " Ils vous contacteront pour convenir d'un rendez-vous."
    return (
        f"Bonne nouvelle : {referral.place_name} peut vous recevoir{when}."
        f"{_address_line(referral)}{then}"
    )


def next_place(name: str | None, address: str | None, phone: str | None) -> str:
    if not name:  # no other place near: the help at a distance (the chat's utter_helpline)
        helpline = responses.text(
            "utter_helpline", helpline_name=HELPLINE["name"], helpline_phone=HELPLINE["phone"]
        )
        return f"Pas d'autre lieu proche pour cette demande. {helpline}"
    return f"Autre lieu proche : {_place_line(name, address, phone)}."


def refused(referral: Referral, other: str) -> str:
    reason = REFUSAL_REASONS.get(referral.refusal_reason or "", "").lower()
    because = f" ({reason})" if reason and referral.refusal_reason != "autre" else ""
    return f"{referral.place_name} ne peut pas vous recevoir{because}. {other}"


def no_answer(referral: Referral, other: str) -> str:
    return f"{referral.place_name} n'a pas répondu à notre demande. {other}"


def followup_sms() -> str:
    return f"{FOLLOWUP_QUESTION} (répondez par le chiffre)"


def followup_mail(referral: Referral, links: dict[str, str]) -> Mail:
    lines = [
        "Bonjour,",
        "",
        f"Vous deviez être reçu par {referral.place_name}.",
        f"{FOLLOWUP_QUESTION.split(' ? ')[0]} ? Un clic suffit :",
        f"1 oui : {links['1']}",
        f"2 non : {links['2']}",
        f"3 pas encore : {links['3']}",
        "",
        "Votre réponse est comptée sans votre nom ; vos coordonnées sont ensuite effacées.",
    ]
    return Mail((referral.contact or "",), "Avez-vous pu être aidé ?", "\n".join(lines))


def to_person_mail(referral: Referral, text: str) -> Mail:
    return Mail((referral.contact or "",), f"Votre orientation : {referral.place_name}", text)
