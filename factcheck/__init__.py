"""factcheck: find, review and report the numeric and attributed claims in news articles."""

__version__ = "0.1.0"
