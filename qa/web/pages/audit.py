"""Audit trail (admins): who signed in, asked, saw, exported, uploaded and re-indexed."""

import datetime as dt

import streamlit as st

from qa.audit import AuditEvent, AuditLog
from qa.web import session

viewer = session.viewer()
st.title("Audit trail", anchor=False)
if not viewer.admin:
    st.info("The audit trail is for administrators.")
    st.stop()

left, middle, right = st.columns(3)
user = left.text_input("User") or None
since = middle.date_input("Since", value=None)
event = right.selectbox("Event", [None, *AuditEvent], format_func=lambda e: e or "any")
start = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC) if since else None
records = AuditLog.open(session.settings()).query(user=user, since=start, event=event)
session.audit(
    "audit_read", user_filter=user or "", event_filter=str(event or ""), rows=len(records)
)
st.caption(f"{len(records)} records (newest last); the trail holds ids and counts, never text.")
st.dataframe([r.to_json() for r in records], hide_index=True, use_container_width=True)
