"""The period view: one period's state per area, with submit, approve and reopen."""
