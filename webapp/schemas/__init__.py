"""The HTTP API's request and response shapes, declared once as pydantic models.

webapp.openapi validates request bodies against them and generates /openapi.json (and so
the /docs page) from them; adding a field to an endpoint is one line in its model here.
"""

from bitexto.webapp.schemas.articles import ArticleRequest, ArticleUpload, BatchArticle, BatchRequest
from bitexto.webapp.schemas.fields import RequestModel, shorten
from bitexto.webapp.schemas.libretranslate import DetectRequest, TranslateFileRequest, TranslateRequest
from bitexto.webapp.schemas.responses import (
    Article, Batch, BatchCreated, Detection, Error, Health, Job, JobCreated, Language, Translation,
)

__all__ = [
    "Article", "ArticleRequest", "ArticleUpload", "Batch", "BatchArticle", "BatchCreated", "BatchRequest",
    "Detection", "DetectRequest", "Error", "Health", "Job", "JobCreated", "Language", "RequestModel",
    "TranslateFileRequest", "TranslateRequest", "Translation", "shorten",
]
