"""Many articles at once: the same analysis as `analyse_article`, batched across the engine.

    translate_many(texts_or_items, engine=None, *, group_sentences=400, workers=1, ...)
        -> Iterator[BatchResult], in input order
    run_batch(items, output, ...) -> BatchStats     # resume, write, count: the CLI's core

Engines have a cost per call (Apertium starts a process pipeline, Argos fills token
batches), so translate_many segments several articles, translates the sentences of a
whole group of them in ONE engine call (translate.pipeline.translate_documents), then
summarises and extracts quotes per article exactly as analyse_article does. A group holds
at most `group_sentences` sentences (one article larger than that forms its own group).

A bad article (empty, binary, not Spanish, too long, no body text) becomes a failed
BatchResult carrying the user-facing message; the batch goes on. When the engine fails
on a group, each article of the group is retried alone so that one article's failure
does not take its neighbours with it. An engine that is not available at all stops the
batch (EngineUnavailable is raised).

With `workers > 1` groups are analysed in a pool of processes, each creating its own
engine once; results are still yielded in input order. Workers are forked from this
process when that is safe (Linux, one thread), after it has loaded the analysis' models
once; otherwise they are spawned and each loads everything again (see _pool_context).
"""

from bitexto.batch.groups import BatchResult
from bitexto.batch.many import DEFAULT_GROUP_SENTENCES, check_summary_options, translate_many
from bitexto.batch.run import BatchOutput, BatchStats, pending_items, run_batch, write_result

__all__ = ["DEFAULT_GROUP_SENTENCES", "BatchOutput", "BatchResult", "BatchStats", "check_summary_options",
           "pending_items", "run_batch", "translate_many", "write_result"]
