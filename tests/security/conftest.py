"""The real-browser fixtures of tests/e2e, for the security checks of what pages show."""

from tests.e2e.conftest import app, browser_page, chromium  # noqa: F401  (fixtures)
