"""Placeholder: being written."""

from flask import Blueprint

bp = Blueprint("api", __name__)


def init_metrics(app):
    pass
