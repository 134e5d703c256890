"""Placeholder: being written."""

from flask import Blueprint

bp = Blueprint("ui", __name__)


def init_metrics(app):
    pass
