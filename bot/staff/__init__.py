"""Reception-desk staff console: triage a citizen's situation, print or text a referral sheet."""
