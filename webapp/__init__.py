"""The bitexto web app: paste a Spanish article, read it side by side with its summary and quotes."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from bitexto.settings import Settings
from webapp.config import load_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Application factory. Nothing heavy happens here: engines load lazily on first use
    (or in a warm-up thread once the server runs)."""
    instance_path = Settings.from_env().data_dir / "instance"
    app = Flask(
        __name__,
        instance_path=str(instance_path),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder="static",
    )
    app.config.update(load_config(instance_path))
    if config:
        app.config.update(config)

    from webapp import api, errors, i18n, libretranslate, limits, security, store, ui
    from webapp import newsletter_ui
    from webapp import batches_api, jobs_api, jobs_ui

    store.init_app(app)
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
    from webapp import bookmarklet

    bookmarklet.init_app(app)
    return app
