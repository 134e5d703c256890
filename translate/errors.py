"""Errors raised by the core; each surface renders them (CLI message, HTTP status + JSON)."""


class BitextoError(Exception):
    """Base error: `message` is meant for the user, `status` is the HTTP status it maps to."""

    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(BitextoError):
    """The article text cannot be processed as given (empty, binary, too long, not Spanish)."""

    status = 422


class InputTooLarge(InputError):
    status = 413


class EngineUnavailable(BitextoError):
    """No usable translation engine; the message says how to install one."""

    status = 503


class LanguageModelMissing(BitextoError):
    """The Spanish language model (spaCy) is not installed; the message says how to install it."""

    status = 503


class EngineFailure(BitextoError):
    """An engine ran but broke its contract (crashed, lost alignment)."""

    status = 502


class ModelError(BitextoError):
    """A model file or index entry is unusable (corrupt, truncated, wrong language, bad checksum)."""

    status = 422


class DatabaseUnavailable(BitextoError):
    """The article store cannot be reached or its driver is missing."""

    status = 503
