"""Apertium (Debian's apertium-eng-spa): a rule-based engine that runs fully offline.

Lower quality than Argos (word for word), but always installable from Debian, so the
whole product works end to end without the Argos model. One `apertium` process per
chunk of sentences, one sentence per line with a blank line between them: Apertium's
text format keeps newlines where they are, so line 2i of the output is the translation
of sentence i. The blank line matters: a single newline does not end a sentence for
Apertium, so a line without final punctuation (a headline) would run into the next
one and change its translation ("Siempre honraremos…" → "Always will honour" after a
headline, "Always we will honour" alone), and a sentence's English would depend on
which sentences shared its call.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
from typing import Sequence

from bitexto.translate.document import EngineInfo
from bitexto.translate.engines.base import ProgressCallback, Translation
from bitexto.translate.errors import EngineFailure, EngineUnavailable
from bitexto.translate.protect import WordStyle

INSTALL_HINT = "sudo apt-get install -y apertium-eng-spa"
# Bounds one process's input so that progress can be reported on long batches.
CHUNK_SENTENCES = 400
# Apertium runs at a lower CPU priority than its caller: a call starts a pipeline of
# about ten processes, and on a small machine two calls at once would otherwise take the
# CPU from the web server's page rendering, which must stay fast. Idle cores still go
# to Apertium in full.
NICENESS = 10
# Between two sentences: a blank line, which Apertium treats as a sentence boundary.
SEPARATOR = "\n\n"
# Apertium marks a word it does not know with "*" and copies it through untranslated; "#"
# marks a word it could not inflect and "@" one its bilingual dictionary lacks: both are
# written with the mark in front of the lemma it has ("#take", "@salazón").
UNKNOWN_WORD = re.compile(r"\*(\w[\w-]*)")
UNGENERATED_WORD = re.compile(r"(?<!\w)[#@](\w[\w-]*)")

# Placeholders for protected spans (translate.protect): proper nouns of apertium-eng-spa's
# own dictionary (<np><ant>, <np><loc>, <np><al>) that it copies unchanged, so the
# transfer rules around them work as they do for the name they stand for. Each was
# checked in "Según X, el hijo de X vio a X." (tests/test_protect_apertium.py checks them all).
PLACEHOLDER_WORDS = {
    "PER": ("Juan", "Pedro", "Pablo", "Carlos", "Antonio", "Manuel", "Luis", "Miguel",
            "Javier", "Alberto", "Fernando", "Jorge", "Andrés", "Ramón"),
    "LOC": ("Madrid", "Toledo", "Murcia", "Almería", "Soria"),
    "ORG": ("Google", "Microsoft", "Facebook", "Amazon", "Nokia", "Siemens", "Twitter"),
}
# Glossary terms and overflow take organisation names first: <np><al> is Apertium's "other".
PLACEHOLDERS = WordStyle(PLACEHOLDER_WORDS, fallback=[
    *PLACEHOLDER_WORDS["ORG"], *PLACEHOLDER_WORDS["LOC"], *PLACEHOLDER_WORDS["PER"]])


def _one_line(sentence: str) -> str:
    # A newline inside a sentence would shift every later line of the output.
    return " ".join(sentence.split())


@functools.lru_cache(maxsize=None)
def _package_version() -> str:
    try:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", "apertium-eng-spa"],
            capture_output=True, text=True, timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "unknown"


def available_pairs() -> set[str]:
    """Language pairs the local Apertium knows, or an empty set if it is not installed."""
    if shutil.which("apertium") is None:
        return set()
    try:
        result = subprocess.run(["apertium", "-l"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


class ApertiumEngine:
    placeholders = PLACEHOLDERS

    def __init__(self, pair: str = "spa-eng", timeout_seconds: float = 30.0):
        if pair not in available_pairs():
            raise EngineUnavailable(
                f"Apertium with the {pair} pair is not installed. Install it with: {INSTALL_HINT}"
            )
        self.pair = pair
        self.timeout_seconds = timeout_seconds
        self.info = EngineInfo(name="apertium", model=f"Apertium {pair}", version=_package_version())

    def translate(
        self, sentences: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> list[str]:
        results = [""] * len(sentences)
        pending = [i for i, s in enumerate(sentences) if s.strip()]
        done = len(sentences) - len(pending)
        for begin in range(0, len(pending), CHUNK_SENTENCES):
            chunk = pending[begin : begin + CHUNK_SENTENCES]
            sources = [sentences[i] for i in chunk]
            for index, source, target in zip(chunk, sources, self._run(sources)):
                results[index] = _unmark_unknown_words(target, source)
            done += len(chunk)
            if on_progress:
                on_progress(done, len(sentences))
        if on_progress and not pending:
            on_progress(len(sentences), len(sentences))
        return results

    def _run(self, sentences: list[str]) -> list[str]:
        payload = SEPARATOR.join(_one_line(s) for s in sentences) + "\n"
        command = ["apertium", self.pair]
        if shutil.which("nice"):
            command = ["nice", "-n", str(NICENESS), *command]
        returncode, stdout, stderr = _run_bounded(command, payload, self.timeout_seconds)
        if returncode is None:
            raise EngineFailure(f"Apertium took longer than {self.timeout_seconds:g} s and was stopped; "
                                "try again, or send a shorter text.")
        if returncode < 0:
            raise EngineFailure(f"Apertium was stopped by signal {-returncode} before it finished; try again.")
        if returncode != 0:
            raise EngineFailure(f"Apertium failed (exit status {returncode}): {stderr.strip()[:500]}")
        # split("\n"), not splitlines(): U+2028 and friends inside a sentence are not line ends
        lines = stdout.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        translations, separators = lines[::2], lines[1::2]
        if len(translations) != len(sentences) or len(separators) != len(sentences) - 1 \
                or any(line.strip() for line in separators):
            raise EngineFailure(
                f"Apertium returned {len(lines)} lines for {len(sentences)} sentences; "
                "alignment would be lost, so the result was discarded."
            )
        return [" ".join(line.split()) for line in translations]


def _run_bounded(command: list[str], stdin: str, timeout: float) -> tuple[int | None, str, str]:
    """Run `command` in a process group of its own; (returncode, stdout, stderr), with
    returncode None when it ran out of time and the whole group was killed.

    `apertium` is a shell script running a pipeline of programs: killing only the
    script (what subprocess.run does on a timeout) leaves the pipeline holding the
    output pipes open, and reading them would then hang until it ends by itself.
    """
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        stdout, stderr = process.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        process.communicate()
        return None, "", ""
    except BaseException:
        _kill_group(process)
        process.wait()
        raise
    if process.returncode < 0:
        _kill_group(process)  # the script was killed: do not leave its pipeline running
    return process.returncode, stdout, stderr


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _unmark_unknown_words(target: str, source: str) -> Translation:
    """Drop Apertium's unknown-word marks, and flag the sentence when there were any.

    A mark counts only if the marked word is in the source sentence, since an unknown
    word is copied through as it is; any other asterisk is the article's own. Names
    (capitalised words such as "Kursk") are meant to be copied, so they raise no flag.
    """
    unknown = []

    def unmark(match: re.Match) -> str:
        word = match.group(1)
        if word not in source:
            # A hyphenated word of which Apertium translated a part ("*Rivière-give-Prairies").
            head = word.split("-")[0]
            return match.group(0)[1:] if head and head in source else match.group(0)
        if not word[0].isupper():
            unknown.append(word)
        return word

    text = UNKNOWN_WORD.sub(unmark, target)

    def unmark_ungenerated(match: re.Match) -> str:
        # A sentence with its own hashtags or handles ("#MeToo", "@ONU", which Apertium
        # may translate to "@UN") keeps every such mark: they cannot be told apart.
        return match.group(0) if match.group(0)[0] in source else match.group(1)

    text = UNGENERATED_WORD.sub(unmark_ungenerated, text)
    return Translation(text, ("unknown_words",) if unknown else ())
