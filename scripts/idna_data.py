"""Per-code-point IDNA data as libidn2 2.3.3 (glibc's getaddrinfo AI_IDN) uses
it: UTS #46 non-transitional processing with STD3 rules off, then NFC, the
CONTEXTJ rules and the RFC 5893 bidi rule. Probing libidn2 shows that it maps
with the Unicode 14.0 IDNA mapping table but allows only what IDNA2008's
derived property allows in Unicode 12.1 (code points new in 13.0 and 14.0 are
"unassigned" to it unless mapped away).

Shared by scripts/gen-idna-tables.py (which writes the tables).

Sources:
- IdnaMappingTable.txt of Unicode 14.0.0, as transcribed into
  `idna/uts46data.py` of the PyPI package `idna==3.3`;
- the IDNA2008 code point classes (RFC 5892 derivation: PVALID, CONTEXTJ,
  CONTEXTO) and the joining types of Unicode 12.1.0, from `idna/idnadata.py`
  of `idna==2.9`;
- canonical combining classes, general categories, bidi classes and canonical
  decompositions from Python's `unicodedata`; only code points that the
  tables allow are looked at, and Unicode's stability policies keep those
  properties (and NFC on them) as they were in 12.1.
"""

import importlib.util
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

MAPPING_PACKAGE, MAPPING_VERSION = "idna==3.3", "14.0.0"
CLASSES_PACKAGE, CLASSES_VERSION = "idna==2.9", "12.1.0"


def load_module(directory, name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(directory, "idna", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fetch(package):
    """Downloads and unpacks a wheel with pip; returns its directory."""
    path = tempfile.mkdtemp(prefix="idna-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", path, package],
                   check=True)
    wheel = [f for f in os.listdir(path) if f.endswith(".whl")][0]
    zipfile.ZipFile(os.path.join(path, wheel)).extractall(path)
    return path


def load_idna(mapping_dir=None, classes_dir=None):
    """`uts46data` of idna 3.3 and `idnadata` of idna 2.9, from unpacked
    wheels (directories holding an `idna` package) or fetched with pip."""
    uts46data = load_module(mapping_dir or fetch(MAPPING_PACKAGE), "uts46data")
    idnadata = load_module(classes_dir or fetch(CLASSES_PACKAGE), "idnadata")
    assert uts46data.__version__ == MAPPING_VERSION, uts46data.__version__
    assert idnadata.__version__ == CLASSES_VERSION, idnadata.__version__
    return uts46data, idnadata


# Resolved status of one code point.
VALID, DISALLOWED, IGNORED, MAPPED = "valid", "disallowed", "ignored", "mapped"
# disallowed_STD3_mapped: mapped in a lookup, but allowed as it is in the
# decoded form of an xn-- label (libidn2 accepts xn--bsh, U+2476).
STD3_MAPPED = "std3-mapped"


def idna2008(idnadata):
    """The code points IDNA2008 (RFC 5892, Unicode 12.1) allows: PVALID,
    CONTEXTJ and CONTEXTO."""
    allowed = set()
    for name in ("PVALID", "CONTEXTJ", "CONTEXTO"):
        for packed in idnadata.codepoint_classes[name]:
            allowed.update(range(packed >> 32, packed & 0xFFFFFFFF))
    return allowed


def resolve(uts46data):
    """A list, by code point, of (status, mapping tuple or None), with the
    choices libidn2 makes here: deviations valid (non-transitional),
    disallowed_STD3_valid valid and disallowed_STD3_mapped mapped (STD3 rules
    off) but told apart from other mappings. Whether a valid code point is allowed in a label is decided after
    NFC (`allowed`): libidn2 accepts conjoining jamo that compose to a
    syllable, for example."""
    rows = uts46data.uts46data
    result = [None] * 0x110000
    for index, row in enumerate(rows):
        start = row[0]
        end = rows[index + 1][0] if index + 1 < len(rows) else 0x110000
        status = row[1]
        mapping = row[2] if len(row) > 2 else None
        if status in ("V", "D"):
            entry = (VALID, None)
        elif status == "3":
            entry = (STD3_MAPPED, tuple(ord(c) for c in mapping)) if mapping is not None else (VALID, None)
        elif status == "M":
            entry = (MAPPED, tuple(ord(c) for c in mapping))
        elif status == "I":
            entry = (IGNORED, None)
        else:
            entry = (DISALLOWED, None)
        for cp in range(start, end):
            result[cp] = entry
    for cp in range(0xD800, 0xE000):
        result[cp] = (DISALLOWED, None)
    return result


def allowed(uts46data, idnadata):
    """The code points a label may hold after mapping and NFC: what IDNA2008
    allows in 12.1 (so not the table's NV8 and XV8 code points, which
    uts46data.py leaves out, nor those new in 13.0 and 14.0), and the
    disallowed_STD3_valid and disallowed_STD3_mapped ones (U+2260, or U+2476
    in an xn-- label), which libidn2 lets through with STD3 rules off."""
    result = idna2008(idnadata)
    rows = uts46data.uts46data
    for index, row in enumerate(rows):
        if row[1] == "3":
            end = rows[index + 1][0] if index + 1 < len(rows) else 0x110000
            result.update(range(max(row[0], 0x80), end))
    return result


def assigned_valid(resolved):
    """The code points that can appear in a mapped label or in the decoded
    form of an xn-- label that passes the status check."""
    valid = set(cp for cp in range(0x110000) if resolved[cp][0] in (VALID, STD3_MAPPED))
    for status, mapping in resolved:
        if status in (MAPPED, STD3_MAPPED):
            valid.update(mapping)
    return valid


def ccc(cp):
    return unicodedata.combining(chr(cp))


def is_mark(cp):
    return unicodedata.category(chr(cp)).startswith("M")


def bidi(cp):
    return unicodedata.bidirectional(chr(cp))


def compositions(valid):
    """(first, second, composite) for every primary composite (the
    canonical pairs that NFC composes) whose parts can both occur in a
    mapped label (`valid`), Hangul syllables aside. Upper-case letters never
    do, so their compositions are left out."""
    result = []
    for cp in range(0x110000):
        if 0xAC00 <= cp <= 0xD7A3 or 0xD800 <= cp <= 0xDFFF:
            continue  # Hangul syllables are composed by arithmetic
        decomposition = unicodedata.decomposition(chr(cp))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = [int(p, 16) for p in decomposition.split()]
        if len(parts) != 2:
            continue
        if unicodedata.normalize("NFC", chr(parts[0]) + chr(parts[1])) != chr(cp):
            continue  # excluded from composition
        if parts[0] in valid and parts[1] in valid:
            result.append((parts[0], parts[1], cp))
    return result
