"""The OpenAPI docs at /docs, drawn offline: Swagger UI's files come from the
swagger-ui-bundle-v2 package and are served from /static/swagger-ui/.

FastAPI's page starts Swagger UI with one inline script; the page's content security policy
allows that script by its hash and nothing else inline.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ceasefire.api.security import content_security_policy

ASSETS = "/static/swagger-ui"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def add_docs(app: FastAPI, title: str) -> None:
    """Mount Swagger UI's files and the /docs page; call before anything is mounted at
    /static, which would hide them."""
    from swagger_ui_bundle import swagger_ui_path

    app.mount(ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")
    body, policy = _page(str(app.openapi_url), title)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(body, headers={"Content-Security-Policy": policy})


def _page(openapi_url: str, title: str) -> tuple[str, str]:
    """The page and its policy."""
    page = get_swagger_ui_html(
        openapi_url=openapi_url,
        title=f"{title} API",
        swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        oauth2_redirect_url=None,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
    )
    body = bytes(page.body).decode()
    hashes = " ".join(_script_hash(script) for script in _INLINE_SCRIPT.findall(body))
    return body, content_security_policy(f"'self' {hashes}")


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
