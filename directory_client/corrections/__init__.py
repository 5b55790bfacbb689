"""Keeping the directory true, by level: reports on places, reviewed by the coordinator of the
place's territory, applied with their provenance, exported for the producer, kept through
re-imports (``queue``, ``scope``, ``stale``, ``reimport``)."""
