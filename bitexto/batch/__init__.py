"""Many articles at once: the one analysis path (bitexto.analysis), fed from files and kept resumable.

    translate_many(texts_or_items, engine=None, *, group_sentences=400, workers=1, ...)
        -> Iterator[ArticleOutcome], in input order
    run_batch(items, output, ...) -> BatchStats     # resume, write, count: the CLI's core

Engines have a cost per call (Apertium starts a process pipeline, Argos fills token
batches), so the analysis translates the sentences of a whole group of articles in ONE
engine call; a group holds at most `group_sentences` sentences (one article larger than
that forms its own group). A bad article becomes a failed ArticleOutcome carrying the
user-facing message; the batch goes on. An engine that is not available at all stops the
batch (EngineUnavailable is raised).

With `workers > 1` groups are analysed in a pool of processes, each creating its own
engine once; results are still yielded in input order (bitexto.batch.pool).
"""

from bitexto.analysis import DEFAULT_GROUP_SENTENCES, ArticleOutcome, check_summary_options
from bitexto.batch.many import translate_many
from bitexto.batch.run import BatchOutput, BatchStats, pending_items, run_batch, write_result

__all__ = ["DEFAULT_GROUP_SENTENCES", "BatchOutput", "ArticleOutcome", "BatchStats", "check_summary_options",
           "pending_items", "run_batch", "translate_many", "write_result"]
