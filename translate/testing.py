"""Synthetic Argos packages for tests and benchmarks: real format, random weights.

`build_argos_package` writes a `.argosmodel` zip laid out like the published ones
(`<name>/metadata.json`, `<name>/model/` CTranslate2 Transformer, `<name>/sentencepiece.model`)
so the real install → load → translate path runs on it. Its English is gibberish;
tests assert structure (counts, order, alignment, no network), never wording. The
"base" size has the dimensions of the real es→en model (Transformer base, 32k vocab) so
compute per token is realistic for benchmarks.

Everything is deterministic given `seed` (and the training text): the same call writes
byte-identical files, so checksums can be pinned in tests.

`build_corrupt_variants` derives broken copies (truncated, damaged, wrong language, ...)
for testing that verification rejects them before anything is installed.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

# Original Spanish news-style prose written for bitexto, so the tokenizer sees realistic
# words and punctuation without depending on any file outside the package.
SPANISH_TRAINING_TEXT = """\
El Gobierno anunció el martes un nuevo plan para reducir el precio de la vivienda en las grandes ciudades.
La ministra de Economía explicó que las ayudas llegarán a doscientas mil familias el próximo año.
Según el Instituto Nacional de Estadística, el paro bajó en marzo por tercer mes consecutivo.
Los sindicatos pidieron una subida de los salarios que compense la inflación de los últimos meses.
«No vamos a permitir que nadie se quede atrás», dijo el presidente en una rueda de prensa en Madrid.
La oposición criticó la medida y aseguró que llega tarde y con poco dinero.
Miles de personas se manifestaron el domingo en Barcelona contra el cambio climático.
Los científicos advierten de que el verano será más caluroso y seco que la media de las últimas décadas.
El Ayuntamiento cerrará varias calles del centro al tráfico a partir del lunes.
La policía detuvo a tres hombres acusados de robar en una joyería de Sevilla.
El Real Madrid ganó por dos goles a uno y se mantiene en lo alto de la clasificación.
La selección femenina viajará a Australia para disputar el torneo en julio.
El precio del petróleo subió un cinco por ciento tras la reunión de los países productores.
Las exportaciones de aceite de oliva alcanzaron un récord histórico el año pasado.
El tribunal suspendió el juicio hasta que los abogados presenten nuevas pruebas.
La empresa despedirá a cuatrocientos trabajadores de su fábrica de Valencia.
Los hospitales reforzarán sus plantillas durante el invierno para atender la gripe.
El Parlamento Europeo aprobó una ley que obliga a las plataformas digitales a proteger a los menores.
La tormenta dejó sin electricidad a unas treinta mil viviendas en Galicia y Asturias.
Los agricultores denuncian que la sequía ha destruido la mitad de la cosecha de cereal.
El museo del Prado abrirá una exposición dedicada a los pintores flamencos.
El alcalde prometió construir dos nuevos colegios y un centro de salud en el barrio.
La investigación sigue abierta y los agentes no descartan ninguna hipótesis.
Un terremoto de magnitud seis sacudió la costa de Chile sin causar víctimas.
El primer ministro británico se reunirá la semana próxima con los líderes europeos.
Las negociaciones de paz se reanudarán en Ginebra después de dos meses de bloqueo.
La inflación se situó en el tres por ciento, dos décimas menos que en febrero.
El Banco Central Europeo mantuvo los tipos de interés sin cambios.
Los vecinos reclaman más autobuses y trenes para llegar al trabajo.
El festival de cine de San Sebastián premió a una directora argentina.
¿Quién pagará la reconstrucción de los pueblos afectados por las inundaciones?
El ministro de Sanidad confirmó que la campaña de vacunación comenzará en octubre.
Las universidades públicas recibirán más fondos para la investigación científica.
La huelga de transportistas provocó retrasos en la entrega de alimentos a los supermercados.
El consejo de administración aprobó la fusión de las dos compañías eléctricas.
Los turistas extranjeros gastaron más dinero que nunca durante el verano.
El incendio forestal quemó más de mil hectáreas antes de ser controlado por los bomberos.
El Senado debatirá la reforma de las pensiones a finales de mes.
Las autoridades sanitarias recomiendan beber agua y evitar el sol en las horas centrales del día.
El escritor presentó su nueva novela, que narra la vida de una familia durante la posguerra.
"""

# SentencePiece reports "Please set it to a value <= N" when a vocab is out of reach.
_MAX_VOCAB_PATTERN = re.compile(r"value <= (\d+)")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_SPECIAL_PIECES = ("<unk>", "<s>", "</s>")
_LANGUAGE_NAMES = {"es": "Spanish", "en": "English", "fr": "French", "pt": "Portuguese"}
# Fixed zip timestamps so the same inputs give byte-identical archives.
_ZIP_DATE = (2024, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ModelSize:
    encoder_layers: int
    decoder_layers: int
    d_model: int
    heads: int
    ffn: int
    vocab_size: int


SIZES = {
    "tiny": ModelSize(encoder_layers=2, decoder_layers=2, d_model=64, heads=4, ffn=128,
                      vocab_size=400),
    # Transformer base, like the published es→en model.
    "base": ModelSize(encoder_layers=6, decoder_layers=6, d_model=512, heads=8, ffn=2048,
                      vocab_size=32000),
}


def package_file_name(from_code: str, to_code: str, version: str) -> str:
    """Argos-style name without extension: translate-es_en-1_0."""
    return f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"


def build_argos_package(
    dest_dir: Path,
    *,
    version: str = "0.0-test",
    from_code: str = "es",
    to_code: str = "en",
    size: str = "tiny",
    training_text: str | None = None,
    seed: int = 0,
) -> Path:
    """Write a random-weight `.argosmodel` into dest_dir and return its path.

    `training_text` (one sentence per line) replaces the bundled Spanish text for the
    tokenizer; "base" needs a large corpus to reach its 32k vocabulary. When the text
    cannot support the requested vocabulary, the largest possible one is used and a
    UserWarning says so (the metadata records both numbers).
    """
    if size not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)}, not {size!r}")
    dims = SIZES[size]
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = package_file_name(from_code, to_code, version)

    sp_model, vocabulary = train_sentencepiece(training_text or SPANISH_TRAINING_TEXT,
                                               dims.vocab_size)
    metadata = {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": _LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": _LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "links": [],
        "bitexto_synthetic": {
            "size": size,
            "seed": seed,
            "vocab_size": len(vocabulary),
            "requested_vocab_size": dims.vocab_size,
            "note": "random weights: output is gibberish, for tests and benchmarks only",
        },
    }
    with tempfile.TemporaryDirectory(prefix="bitexto-argos-build-") as work:
        model_dir = Path(work) / "model"
        write_random_ctranslate2_model(model_dir, vocabulary, dims, seed=seed)
        members = {
            f"{name}/metadata.json": json.dumps(metadata, indent=2, sort_keys=True).encode(),
            f"{name}/README.md": b"Synthetic Argos package built by translate.testing.\n",
            f"{name}/sentencepiece.model": sp_model,
        }
        for file in sorted(model_dir.iterdir()):
            members[f"{name}/model/{file.name}"] = file.read_bytes()
        target = dest_dir / f"{name}.argosmodel"
        write_zip(target, members, folders=[f"{name}/", f"{name}/model/"])
    return target


def train_sentencepiece(text: str, vocab_size: int) -> tuple[bytes, list[str]]:
    """A BPE SentencePiece model trained in-process, and its pieces in id order.

    Ids 0–2 are <unk>, <s>, </s>, the special tokens CTranslate2 expects.
    """
    import sentencepiece as spm

    lines = _training_sentences(text)
    requested = vocab_size
    for _attempt in range(2):
        model = io.BytesIO()
        try:
            spm.SentencePieceTrainer.train(
                sentence_iterator=iter(lines), model_writer=model, vocab_size=vocab_size,
                model_type="bpe", unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
                character_coverage=1.0, num_threads=1, minloglevel=2,
            )
            break
        except RuntimeError as error:
            match = _MAX_VOCAB_PATTERN.search(str(error))
            if match is None or _attempt:
                raise
            vocab_size = int(match.group(1))
    if vocab_size != requested:
        warnings.warn(
            f"training text supports a vocabulary of at most {vocab_size} pieces, not "
            f"{requested}; using {vocab_size} (pass a larger training_text for more)",
            UserWarning, stacklevel=3,
        )
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    if tuple(pieces[:3]) != _SPECIAL_PIECES:
        raise RuntimeError(f"unexpected special pieces {pieces[:3]}")
    return model.getvalue(), pieces


def _training_sentences(text: str) -> list[str]:
    # SentencePiece silently skips lines over 4,192 bytes, so a corpus of one article
    # per line would train on almost nothing: split lines into sentences.
    sentences = []
    for line in text.splitlines():
        sentences.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return sentences


def write_random_ctranslate2_model(output_dir: Path, vocabulary: list[str], dims: ModelSize,
                                   *, seed: int = 0, quantization: str = "int8") -> Path:
    """Convert a Transformer with random weights into a CTranslate2 model directory."""
    from ctranslate2.converters import Converter
    from ctranslate2.specs import model_spec, transformer_spec

    class RandomTransformerConverter(Converter):
        def _load(self):
            spec = transformer_spec.TransformerSpec.from_config(
                (dims.encoder_layers, dims.decoder_layers), dims.heads)
            rng = np.random.default_rng(seed)

            def fill(layer, name, value):
                attribute = name.rsplit("/", 1)[-1]
                # Biases are optional in the spec, but the real model has them.
                wants_bias = attribute == "bias" and isinstance(value, str)
                if value is None or wants_bias:
                    shape = _variable_shape(name, dims, len(vocabulary))
                    setattr(layer, attribute, _random_values(rng, name, shape))

            model_spec.visit_spec(spec, fill)
            spec.register_source_vocabulary(vocabulary)
            spec.register_target_vocabulary(vocabulary)
            return spec

    RandomTransformerConverter().convert(str(output_dir), quantization=quantization,
                                         force=True)
    return Path(output_dir)


def _variable_shape(name: str, dims: ModelSize, vocab_size: int) -> tuple[int, ...]:
    """The shape CTranslate2 expects for a Transformer variable, from its scope name."""
    parts = name.split("/")
    attribute, layer = parts[-1], parts[-2]
    block = parts[-3] if len(parts) >= 3 else ""
    d = dims.d_model
    if layer.startswith("embeddings"):
        return (vocab_size, d)
    if layer == "projection":
        return (vocab_size, d) if attribute == "weight" else (vocab_size,)
    if layer == "layer_norm":
        return (d,)
    linear_outputs = {
        # Self-attention fuses Q, K and V; encoder-decoder attention fuses K and V.
        "self_attention": {"linear_0": 3 * d, "linear_1": d},
        "attention": {"linear_0": d, "linear_1": 2 * d, "linear_2": d},
        "ffn": {"linear_0": dims.ffn, "linear_1": d},
    }
    linear_inputs = {"ffn": {"linear_1": dims.ffn}}
    if block in linear_outputs and layer in linear_outputs[block]:
        outputs = linear_outputs[block][layer]
        inputs = linear_inputs.get(block, {}).get(layer, d)
        return (outputs, inputs) if attribute == "weight" else (outputs,)
    raise ValueError(f"don't know the shape of model variable {name!r}")


def _random_values(rng: np.random.Generator, name: str, shape: tuple[int, ...]) -> np.ndarray:
    if name.endswith("layer_norm/gamma"):
        values = 1.0 + 0.1 * rng.standard_normal(shape)
    elif len(shape) == 1:
        values = 0.02 * rng.standard_normal(shape)
    else:
        # Scaled like a Xavier init so activations stay in range through the layers.
        values = rng.standard_normal(shape) / np.sqrt(shape[1])
    return values.astype(np.float32)


def write_zip(path: Path, members: dict[str, bytes], folders: Iterable[str] = ()) -> Path:
    """A deterministic zip (fixed timestamps, sorted members), written atomically."""
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for folder in sorted(folders):
            info = zipfile.ZipInfo(folder, date_time=_ZIP_DATE)
            info.external_attr = (0o40755 << 16) | 0x10
            archive.writestr(info, b"")
        for member in sorted(members):
            info = zipfile.ZipInfo(member, date_time=_ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[member])
    partial.replace(path)
    return path


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()
                if not info.is_dir()}


def rewrite_package(
    source: Path,
    dest: Path,
    *,
    metadata_changes: dict | None = None,
    drop: Iterable[str] = (),
    folder: str | None = None,
    transform: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None,
) -> Path:
    """A copy of a package with metadata fields changed and/or members removed.

    `drop` lists member paths relative to the package folder (e.g. "model/model.bin");
    `folder` renames the package folder (where it is installed).
    """
    members = read_zip(source)
    dropped = set(drop)
    changed = {}
    for member, data in members.items():
        top, _, inner = member.partition("/")
        if inner in dropped:
            continue
        if inner == "metadata.json" and metadata_changes:
            metadata = json.loads(data)
            metadata.update(metadata_changes)
            data = json.dumps(metadata, indent=2, sort_keys=True).encode()
        changed[f"{folder or top}/{inner}"] = data
    if transform is not None:
        changed = transform(changed)
    return write_zip(Path(dest), changed)


def truncated_copy(source: Path, dest: Path, keep_fraction: float = 0.5) -> Path:
    """The first part of the file only, like an interrupted download."""
    data = Path(source).read_bytes()
    Path(dest).write_bytes(data[: int(len(data) * keep_fraction)])
    return Path(dest)


def damaged_copy(source: Path, dest: Path, member_suffix: str = "model/model.bin") -> Path:
    """A copy whose zip structure is intact but one member's data has flipped bytes."""
    data = bytearray(Path(source).read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith(member_suffix))
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26:header + 28], "little")
    extra_length = int.from_bytes(data[header + 28:header + 30], "little")
    start = header + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    for offset in range(middle, middle + 16):
        data[offset] ^= 0xFF
    Path(dest).write_bytes(bytes(data))
    return Path(dest)


def build_corrupt_variants(source: Path, dest_dir: Path) -> dict[str, Path]:
    """Broken copies of a good package, by what is wrong with them."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stem = Path(source).stem

    def at(label: str) -> Path:
        return dest_dir / f"{stem}-{label}.argosmodel"

    def flatten(members: dict[str, bytes]) -> dict[str, bytes]:
        return {member.split("/", 1)[1]: data for member, data in members.items()}

    def bad_metadata(members: dict[str, bytes]) -> dict[str, bytes]:
        return {member: (b"{not json" if member.endswith("/metadata.json") else data)
                for member, data in members.items()}

    not_a_zip = at("not-a-zip")
    not_a_zip.write_text("<html>404 Not Found</html>\n")
    return {
        "not_a_zip": not_a_zip,
        "truncated": truncated_copy(source, at("truncated")),
        "damaged_member": damaged_copy(source, at("damaged")),
        "wrong_source_language": rewrite_package(
            source, at("fr-en"), metadata_changes={"from_code": "fr", "from_name": "French"}),
        "reversed_direction": rewrite_package(
            source, at("en-es"), metadata_changes={"from_code": "en", "to_code": "es"}),
        "missing_model": rewrite_package(source, at("no-model"), drop=["model/model.bin"]),
        "missing_sentencepiece": rewrite_package(
            source, at("no-spm"), drop=["sentencepiece.model"]),
        "missing_metadata": rewrite_package(source, at("no-metadata"), drop=["metadata.json"]),
        "unparsable_metadata": rewrite_package(source, at("bad-metadata"),
                                               transform=bad_metadata),
        "no_package_folder": rewrite_package(source, at("flat"), transform=flatten),
        "claims_pinned_version": rewrite_package(
            source, at("claims-1_0"), metadata_changes={"package_version": "1.0"}),
    }


def copy_package(source: Path, dest: Path) -> Path:
    shutil.copyfile(source, dest)
    return Path(dest)
