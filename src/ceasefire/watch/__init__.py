"""`ceasefire watch`: poll RSS/Atom feeds, ingest what is new, resolve, and alert.

`config.py` reads the options and the TOML feed list, `feeds.py` asks each feed politely
(conditional GET, backoff, one host at a time), `poll.py` runs one round, and `alerts.py`
says what changed, once.
"""
