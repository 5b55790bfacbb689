"""A position shared from the phone (entities or message metadata): its latitude and longitude."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.message_text import (
    entity_values,
)


def shared_position(tracker: Tracker) -> dict | None:
    lat = entity_values(tracker, "latitude")
    lon = entity_values(tracker, "longitude")
    meta = tracker.latest_message.get("metadata") or {}
    if not (lat and lon) and isinstance(meta, dict):
        pos = meta.get("location") if isinstance(meta.get("location"), dict) else meta
        lat = [pos.get("lat", pos.get("latitude"))] if pos.get("lat", pos.get("latitude")) else []
        lon = [pos.get("lon", pos.get("longitude"))] if pos.get("lon", pos.get("longitude")) else []
    try:
        if lat and lon:
            return {"lat": float(lat[0]), "lon": float(lon[0])}
    except (TypeError, ValueError):
        return None
    return None
