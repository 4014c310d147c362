"""Streamlit entry point for a checkout: `streamlit run app.py`."""

from factcheck.ui.main import run

run()
