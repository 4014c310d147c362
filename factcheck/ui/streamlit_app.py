"""The script `factcheck serve` hands to Streamlit (works from an installed package)."""

from factcheck.ui.main import run

run()
