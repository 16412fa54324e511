"""The web page: Streamlit page scripts in `pages/` over small helpers.

`markup` and `filters` are plain Python (tested directly); `session` and `cards` use Streamlit.
Nothing in `qa` outside this package imports it.
"""
