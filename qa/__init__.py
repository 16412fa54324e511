"""Accord's question answering: retrieval, answers with citations, conflict flags."""
