"""The bookmarklet: a link on the home page that, clicked on any news page, sends that
page's HTML (or the reader's selection in it) to this server to be translated.

The page it runs on is someone else's, so the request comes without this site's CSRF
token; a secret made once per installation (kept in the data directory, shown only in the
bookmarklet itself) stands in for it: POST /bookmarklet without the right secret is a 403.
"""

from __future__ import annotations

import hmac
import json
import secrets
from pathlib import Path

from flask import Blueprint, abort, current_app, redirect, request, url_for

from bitexto.translate.errors import BitextoError
from bitexto.webapp import service

bp = Blueprint("bookmarklet", __name__)

SECRET_FILE = "bookmarklet-secret"

# Runs on the reader's page: the selection's HTML (wrapped as a browser's clipboard wraps
# it) when there is one, else the whole document, posted in a form to this server.
_SCRIPT = """(function(){var s=window.getSelection(),h='';if(s&&s.rangeCount&&!s.isCollapsed){var d=document.createElement('div');for(var i=0;i<s.rangeCount;i++){d.appendChild(s.getRangeAt(i).cloneContents());}h='<html><body><!--StartFragment-->'+d.innerHTML+'<!--EndFragment--></body></html>';}else{h=document.documentElement.outerHTML;}var f=document.createElement('form');f.method='post';f.action=%(action)s;f.acceptCharset='utf-8';var a={secret:%(secret)s,html:h,url:location.href};for(var k in a){var e=document.createElement('input');e.type='hidden';e.name=k;e.value=a[k];f.appendChild(e);}document.body.appendChild(f);f.submit();})();"""


def installation_secret() -> str:
    """This installation's secret, made on first use."""
    path = Path(current_app.config["BITEXTO"].data_dir) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def bookmarklet_href() -> str:
    """The javascript: address to drag to the bookmarks bar."""
    action = url_for("bookmarklet.receive", _external=True)
    script = _SCRIPT % {"action": json.dumps(action), "secret": json.dumps(installation_secret())}
    return "javascript:" + script


@bp.post("/bookmarklet")
def receive():
    sent = request.form.get("secret", "")
    if not hmac.compare_digest(sent.encode(), installation_secret().encode()):
        abort(403)
    try:
        stored = service.create_article(
            request.form.get("html", ""),
            summary_length=current_app.config["DEFAULT_SUMMARY_LENGTH"], algorithm="default",
            source_format="html",
        )
    except BitextoError as error:
        abort(error.status, error.message)
    return redirect(url_for("ui.article", article_id=stored.id), code=303)


def init_app(app) -> None:
    from bitexto.webapp.security import csrf

    app.register_blueprint(bp)
    csrf.exempt(bp)  # the secret authenticates the request instead
    app.jinja_env.globals["bookmarklet_href"] = bookmarklet_href
