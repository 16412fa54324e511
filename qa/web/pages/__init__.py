"""The page scripts app.py registers with st.navigation (run by Streamlit, never imported)."""
