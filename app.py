"""Accord's web page: `accord serve` (or `streamlit run app.py`).

Sign-in when an accounts file exists (else the single local operator), the sidebar filters,
then the pages in qa/web/pages/ — each a thin shell over the `qa` library.
"""

import streamlit as st

from qa.web import session, sidebar, signin
from qa.web.markup import STYLE

st.set_page_config(page_title="Accord", page_icon=":material/gavel:", layout="wide")
st.html(STYLE)

viewer = signin.current_viewer()
if viewer is None:
    st.navigation([st.Page(signin.sign_in_page, title="Sign in", icon=":material/login:")]).run()
    st.stop()

engine = session.engine()
sidebar.render(engine, viewer)
PAGES = "qa/web/pages"
st.navigation(
    [
        st.Page(f"{PAGES}/ask.py", title="Ask", icon=":material/question_answer:", default=True),
        st.Page(f"{PAGES}/source.py", title="Source", icon=":material/article:"),
        st.Page(f"{PAGES}/documents.py", title="Documents", icon=":material/folder_open:"),
        st.Page(f"{PAGES}/conflict_map.py", title="Conflict map", icon=":material/compare:"),
        st.Page(f"{PAGES}/briefing.py", title="Briefing", icon=":material/picture_as_pdf:"),
        st.Page(f"{PAGES}/upload.py", title="Add documents", icon=":material/upload:"),
        st.Page(f"{PAGES}/audit.py", title="Audit", icon=":material/policy:"),
    ]
).run()
