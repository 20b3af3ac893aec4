#!/usr/bin/env python3
"""Reads one RFC 5322 message on stdin with Python's standard `email` package and prints what it
understood as JSON: the headers decoded (RFC 2047), the Date parsed, the body decoded.
Used by the tests (Tests/SconServerTests/Notices/MailReader.swift)."""
import email
import email.policy
import email.utils
import json
import sys

raw = sys.stdin.buffer.read()
message = email.message_from_bytes(raw, policy=email.policy.default)
defects = [type(d).__name__ for d in message.defects]
date = email.utils.parsedate_to_datetime(message["Date"]) if message["Date"] else None
body = message.get_content() if not message.is_multipart() else ""
print(json.dumps({
    "from": str(message["From"]),
    "to": str(message["To"]),
    "subject": str(message["Subject"]),
    "date": date.isoformat() if date else None,
    "messageID": str(message["Message-ID"]),
    "mimeVersion": str(message["MIME-Version"]),
    "contentType": message.get_content_type(),
    "charset": message.get_content_charset(),
    "listUnsubscribe": str(message["List-Unsubscribe"]),
    "body": body,
    "defects": defects,
}, ensure_ascii=False))
