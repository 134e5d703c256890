"""What the API answers, for the OpenAPI document (responses are described, not checked)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

JobState = Literal["queued", "running", "done", "failed"]


class Error(BaseModel):
    """The one error body of every endpoint. `error` is also what LibreTranslate clients read."""

    error: str = Field(description="What went wrong, for a person to read.")
    status: int = Field(description="The HTTP status, repeated.")


class Engine(BaseModel):
    name: str = Field(description="Engine: argos or apertium.")
    model: str | None = Field(None, description="Model name.")
    version: str | None = Field(None, description="Model or package version.")


class Sentence(BaseModel):
    id: str = Field(description="Sentence id, s1, s2, … across the article.")
    source: str = Field(description="The Spanish sentence.")
    target: str | None = Field(description="Its English translation.")
    start: int = Field(description="Offset of the sentence in the normalised text.")
    end: int
    flags: list[str] = Field(description="Quality notes, e.g. unknown_words, forced_split.")


# The block kinds of the aligned document (translate.document.BLOCK_KINDS); a test
# holds them equal.
BlockKind = Literal["body", "headline", "related_headline", "caption", "boilerplate", "credit", "byline",
                    "dateline"]


class Block(BaseModel):
    id: str = Field(description="Block id, b1, b2, …")
    kind: BlockKind
    start: int
    end: int
    sentences: list[Sentence]


class SummarySentence(BaseModel):
    id: str = Field(description="Sentence id.")
    source: str = Field(description="Spanish.")
    target: str | None = Field(description="English.")


class Summary(BaseModel):
    algorithm: str = Field(description="The algorithm used.")
    sentences: list[SummarySentence]


class Quote(BaseModel):
    id: str = Field(description="Quote id.")
    text: str = Field(description="The quotation in Spanish.")
    target: str | None = Field(description="Its English counterpart.")
    speaker: str | None = Field(description="Who said it, when known.")
    sentence_id: str = Field(description="The sentence it starts in.")
    start: int
    end: int
    marks: str = Field(description="The quotation marks used.")
    flags: list[str]
    key: bool = Field(description="One of the article's key quotes.")
    score: float


class Article(BaseModel):
    """An analysed article: every `start`/`end` offset refers to its `text`."""

    id: str = Field(description="Article id.")
    url: str = Field(description="The article's page in the web app.", examples=["/a/Xk3v9QpL2aE"])
    created_at: float = Field(description="Unix time it was stored.")
    options: dict[str, str] = Field(description="summary_length, algorithm and format used.")
    text: str = Field(description="The article as analysed (normalised; HTML turned into text).")
    engine: Engine
    meta: dict = Field(description="What the page says about the article: headline, authors, published "
                       "(ISO 8601 or null) and published_text, site.")
    blocks: list[Block]
    summary: Summary
    quotes: list[Quote]


class Progress(BaseModel):
    done: int
    total: int


class JobCreated(BaseModel):
    id: str = Field(description="Job id; once done, also the article's id.")
    state: Literal["queued"] = Field(description="Always queued on creation.")
    url: str = Field(description="Where to follow the job.", examples=["/api/v1/jobs/Xk3v9QpL2aE7bT0w"])


class Job(BaseModel):
    id: str = Field(description="Job id.")
    state: JobState = Field(description="queued → running → done, or failed (see `error`).")
    progress: Progress = Field(description="Sentences translated so far, of `total` (0 until known).")
    article_id: str | None = Field(description="The stored article once done.")
    article_url: str | None = Field(description="The article's page once done (its JSON: /api/v1/articles/{article_id}).")
    error: str | None = Field(description="Why it failed; on a queued job, why the last attempt was retried.")
    attempts: int = Field(description="Runs started so far (a crashed worker's job is retried).")
    created_at: float = Field(description="Unix time it was submitted.")
    updated_at: float = Field(description="Unix time of its last change or heartbeat.")


class BatchEntry(BaseModel):
    id: str = Field(description="Your id for the article.")
    job_id: str = Field(description="Its job.")
    job_url: str = Field(description="Where to follow its job alone.")


class BatchCreated(BaseModel):
    id: str = Field(description="Batch id.")
    state: Literal["queued"] = Field(description="Always queued on creation.")
    url: str = Field(description="Where to follow the batch.", examples=["/api/v1/batches/bXk3v9QpL2aE7bT0w"])
    articles: list[BatchEntry] = Field(description="Each article's id and its job.")


class BatchArticleState(BaseModel):
    id: str = Field(description="Your id for the article.")
    job_id: str = Field(description="Its job.")
    state: JobState = Field(description="Its job's state.")
    progress: Progress = Field(description="Its sentences translated so far.")
    article_id: str | None = Field(description="The stored article once done.")
    article_url: str | None = Field(description="The article's page once done.")
    error: str | None = Field(description="Why it failed.")


class JobCounts(BaseModel):
    queued: int
    running: int
    done: int
    failed: int


class Batch(BaseModel):
    id: str = Field(description="Batch id.")
    state: Literal["queued", "running", "done"] = Field(
        description="queued until an article starts, running until every article has finished, "
                    "then done (see `counts.failed`).")
    created_at: float = Field(description="Unix time it was submitted.")
    options: dict[str, str] = Field(description="summary_length and algorithm used.")
    counts: JobCounts = Field(description="Articles per job state.")
    progress: Progress = Field(description="Articles finished (done or failed), of `total`.")
    articles: list[BatchArticleState] = Field(description="In the order submitted.")


class Detection(BaseModel):
    confidence: float = Field(ge=0, le=100, description="Confidence in percent.")
    language: str = Field(description="ISO 639 language code.")


class Translation(BaseModel):
    """The translation: a string, or a list for a list of texts."""

    translatedText: str | list[str]
    detectedLanguage: Detection | list[Detection] | None = Field(
        None, description="With source `auto`: the language detected in each text.")


class Language(BaseModel):
    code: str = Field(description="Language code.")
    name: str = Field(description="Language name in English.")
    targets: list[str] = Field(description="Target language codes.")


class DatabaseHealth(BaseModel):
    ok: bool
    error: str | None = Field(description="Why not.")


class Health(BaseModel):
    status: Literal["ok", "unavailable"] = Field(description="ok, or unavailable when the database or engine is unusable.")
    version: str = Field(description="bitexto version.")
    engine: dict = Field(description="The engine in use (loaded true) or the one configured.")
    database: DatabaseHealth
