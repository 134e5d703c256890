"""`bitexto serve`: the web app behind waitress. The only part of bitexto that imports webapp."""

from __future__ import annotations

import click

from bitexto.settings import settings_help


# \b keeps click from re-flowing the list: one setting a line.
@click.command(epilog="\b\nSettings (environment variables; see the README):\n" + settings_help())
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=None, type=int,
              help="Waitress worker threads (default: BITEXTO_THREADS, else the translation lane's "
                   "slots and queue plus 16 for reads).")
def serve(host, port, threads):
    """Serve the web app with a production WSGI server (waitress)."""
    import waitress

    from bitexto.webapp import create_app
    from bitexto.webapp.jobs_service import start_workers
    from bitexto.webapp.lanes import server_threads
    from bitexto.webapp.service import warm_up

    app = create_app()
    if app.config["WARM_UP"]:
        warm_up(app)
    # Jobs left queued by a restart resume now, not when someone next opens their page.
    start_workers(app)
    click.echo(f"bitexto on http://{host}:{port}/  (Ctrl+C stops it)")
    settings = app.config["BITEXTO"]
    # Enough threads that reads never wait behind translations (webapp.lanes), and a
    # connection limit above waitress's 100, beyond which keep-alive clients would sit
    # unaccepted in the listen backlog while the server has threads free.
    waitress.serve(app, host=host, port=port, threads=threads or server_threads(app),
                   connection_limit=settings.connection_limit)
