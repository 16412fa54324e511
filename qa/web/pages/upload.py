"""Add documents (analysts): upload files, then re-index them in a separate process."""

import streamlit as st

from qa.reindex import reindex
from qa.uploads import UploadRejected, save_upload
from qa.web import session

viewer = session.viewer()
st.title("Add documents", anchor=False)
if not viewer.analyst:
    st.info("Adding and re-indexing documents is for analysts.")
    st.stop()

settings = session.settings()
folder = settings.ingest.upload_dir
st.caption(
    f"Files are checked (name, size, type by content) and saved to `{folder}`, then indexed. "
    "Put the marking as the first line of the document (for example SECRET//REL TO ALD, BRV)."
)
files = st.file_uploader(
    "Documents", type=["pdf", "docx", "md", "txt", "html", "htm"], accept_multiple_files=True
)
if files and st.button("Save and re-index", type="primary", icon=":material/upload:"):
    saved = []
    for upload in files:
        try:
            path = save_upload(upload.name, upload.getvalue(), folder, settings)
        except UploadRejected as error:
            st.error(f"{upload.name}: {error}")
            continue
        saved.append(path)
        session.audit("upload", saved_as=path.name, bytes=len(upload.getvalue()))
    if saved:
        with st.status(f"Indexing {len(saved)} file(s)…", expanded=True) as status:
            line = st.empty()
            result = reindex(settings, [folder], on_progress=line.text)
            if not result.ok:
                status.update(label="Re-index failed", state="error")
                st.error(result.error or f"accord ingest stopped with exit code {result.exit_code}")
                st.stop()
            summary = result.summary
            session.audit(
                "reindex",
                added=len(summary.get("added", [])),
                updated=len(summary.get("updated", [])),
                rejected=len(summary.get("rejected", [])),
                generation=summary.get("generation"),
            )
            status.update(label="Indexed", state="complete")
        st.success(
            f"Added {len(summary.get('added', []))}, updated {len(summary.get('updated', []))}, "
            f"unchanged {summary.get('unchanged', 0)}."
        )
        for rejected in summary.get("rejected", []):
            st.warning(f"Rejected {rejected['source']}: {rejected['reason']}")
        for note in summary.get("notes", []):
            st.caption(note)
