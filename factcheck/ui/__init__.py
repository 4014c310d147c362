"""The Streamlit app: one module per page, thin over the services."""
