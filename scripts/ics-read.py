#!/usr/bin/env python3
"""Reads an iCalendar text (RFC 5545) on standard input with PyPI icalendar (a real parser,
not ours) and prints what it understood as JSON: the calendar's name and each event's UID,
SEQUENCE, STATUS, SUMMARY, DESCRIPTION, LOCATION and its start and end in UTC (ISO 8601).
Exits 2 when the text does not parse. Used by the tests of every .ics the platform writes."""
import json
import sys
from datetime import date, datetime, timezone

import icalendar


def moment(value):
    if value is None:
        return None
    when = value.dt
    if isinstance(when, datetime):
        if when.tzinfo is None:
            return when.isoformat()
        return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(when, date):
        return when.isoformat()
    return str(when)


def main():
    raw = sys.stdin.buffer.read()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # the parser's own message is the useful part
        print(f"does not parse: {error}", file=sys.stderr)
        sys.exit(2)
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": str(event.get("UID")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS")) if event.get("STATUS") else None,
            "summary": str(event.get("SUMMARY")),
            "description": str(event.get("DESCRIPTION")) if event.get("DESCRIPTION") else None,
            "location": str(event.get("LOCATION")) if event.get("LOCATION") else None,
            "start": moment(event.get("DTSTART")),
            "end": moment(event.get("DTEND")),
            "tzid": event.get("DTSTART").params.get("TZID") if event.get("DTSTART") else None,
        })
    zones = [str(zone.get("TZID")) for zone in calendar.walk("VTIMEZONE")]
    name = calendar.get("X-WR-CALNAME")
    print(json.dumps({"name": str(name) if name else None, "timezones": zones, "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main()
