"""Referrals ("demandes d'orientation"): a place is told someone is coming, answers, and the
person is followed up. See docs/referrals.md."""
