"""Placeholder: being written."""

from flask import Blueprint

bp = Blueprint("libretranslate", __name__)


def init_metrics(app):
    pass
