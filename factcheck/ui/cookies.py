"""The login cookie, written and removed in the browser by extra-streamlit-components.

Streamlit reads cookies itself (``st.context.cookies``) but cannot write them; the
component's CookieManager does, from a hidden frame on the app's own origin.
"""

from __future__ import annotations

from datetime import datetime

import extra_streamlit_components as stx
import streamlit as st

from factcheck.ui.common import COOKIE

_HIDE_FRAMES = (
    "<style>.element-container:has(iframe[height='0']){display:none}"
    ".stElementContainer:has(iframe[height='0']){display:none}</style>"
)


def _manager() -> stx.CookieManager:
    st.html(_HIDE_FRAMES)
    return stx.CookieManager(key="factcheck_cookies")


def keep(token: str, *, expires_at: datetime) -> None:
    """Put the login token in the browser's cookie (same arguments each run: written once)."""
    _manager().set(
        COOKIE,
        token,
        key="factcheck_cookie_set",
        expires_at=expires_at,
        same_site="lax",  # links from e-mail or chat to a claim keep the login
    )


def drop() -> None:
    """Remove the login cookie from the browser (after a logout, or an ended login)."""
    manager = _manager()
    if COOKIE in (manager.cookies or {}):
        manager.delete(COOKIE, key="factcheck_cookie_delete")
