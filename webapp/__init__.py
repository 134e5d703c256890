"""The bitexto web app: paste a Spanish article, read it side by side with its summary and quotes."""

from __future__ import annotations

from flask import Flask

from bitexto.resources import TEMPLATES
from bitexto.settings import Settings
from bitexto.webapp.config import load_config



def create_app(config: dict | None = None) -> Flask:
    """Application factory. Nothing heavy happens here: engines load lazily on first use
    (or in a warm-up thread once the server runs)."""
    settings = Settings.from_env()
    app = Flask(
        __name__,
        instance_path=str(settings.instance_dir),
        template_folder=str(TEMPLATES),
        static_folder="static",
    )
    app.config.update(load_config(settings))
    if config:
        app.config.update(config)

    from bitexto.webapp import api, bookmarklet, errors, i18n, lanes, libretranslate, limits, page_cache, security, store, ui
    from bitexto.webapp import libretranslate_files  # noqa: F401  (its routes join the LibreTranslate blueprint)
    from bitexto.webapp import newsletter_ui
    from bitexto.webapp import batches_api, jobs_api, jobs_ui

    store.init_app(app)
    page_cache.init_app(app)
    errors.init_app(app)
    i18n.init_app(app)
    app.register_blueprint(ui.bp)
    jobs_api.nest_in(api.bp)  # the jobs and batch routes are API routes
    batches_api.nest_in(api.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(jobs_ui.bp)
    app.register_blueprint(libretranslate.bp)
    app.register_blueprint(newsletter_ui.bp)
    security.init_app(app, json_blueprints=(api.bp.name, libretranslate.bp.name, jobs_api.NESTED_NAME,
                                                batches_api.NESTED_NAME))
    limits.init_app(app)
    api.init_metrics(app)
    lanes.init_app(app)  # after the limiter and the metrics it reports to
    bookmarklet.init_app(app)
    return app


def openapi_document() -> dict:
    """The API's OpenAPI document, from a new app: for callers outside any app context."""
    from bitexto.webapp import openapi

    with create_app().app_context():
        return openapi.openapi_document()
