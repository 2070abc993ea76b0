#!/usr/bin/env python3
"""Writes the range-compressed UTS #46 mapping, NFC and label-validation
data for getent's IDNA conversion, as libidn2 2.3.3 behaves (see
scripts/idna_data.py for the sources, the Unicode versions and the choices
made): the bytes as C arrays in Sources/CLibc/IDNATables.c, and
Sources/LibcSupport/IDN/IDNATables.swift, which reads them and tells what
each table holds.

    python3 scripts/gen-idna-tables.py [IDNA_3_3_DIR IDNA_2_9_DIR]

The optional directories hold unpacked `idna==3.3` and `idna==2.9` wheels
(the `idna` package directory inside each); without them pip fetches both.

Why C: a Swift array starts with a pointer to its metadata, so in the
position-independent getent every table needed a relocation at start-up and
sat in .data.rel.ro, whose pages the dynamic relocation writes (a page fault
each) at every run. C arrays of integers are plain read-only data.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import idna_data as data  # noqa: E402

# Mapping row kinds (IDNATables.Kind).
KIND_VALID, KIND_DISALLOWED, KIND_IGNORED, KIND_OFFSET, KIND_ALTERNATING, KIND_SEQUENCE, \
    KIND_STD3_OFFSET, KIND_STD3_SEQUENCE = range(8)


# Same-delta runs at least this long leave a sequence row for an offset row
# (measured: the smallest tables).
SAME_DELTA_RUN = 8


def mapping_rows(resolved):
    """Rows (start, kind, data) covering 0x80...0x10FFFF; a row reaches to
    the next row's start. OFFSET: every code point maps to cp + data.
    ALTERNATING: code points at an even distance from start map to
    cp + data, the others are valid. SEQUENCE: data = pool offset << 8 |
    length; code point start + i maps to the `length` scalars that follow
    the first i * length ones from the pool's byte offset (see pool_offset). STD3_OFFSET and STD3_SEQUENCE: the
    same for disallowed_STD3_mapped code points."""
    pool = bytearray()
    rows = []

    def single_delta(cp):
        status, mapping = resolved[cp]
        if status == data.MAPPED and len(mapping) == 1:
            return mapping[0] - cp
        return None

    cp = 0x80
    while cp < 0x110000:
        status, mapping = resolved[cp]
        if status == data.STD3_MAPPED:
            # Few and in blocks of their own: runs of one delta, or of one
            # mapping length.
            end = cp
            delta = mapping[0] - cp if len(mapping) == 1 else None
            if delta is not None:
                while resolved[end + 1][0] == data.STD3_MAPPED and len(resolved[end + 1][1]) == 1 \
                        and resolved[end + 1][1][0] - (end + 1) == delta:
                    end += 1
                rows.append([cp, KIND_STD3_OFFSET, delta])
            else:
                while resolved[end + 1][0] == data.STD3_MAPPED \
                        and len(resolved[end + 1][1]) == len(mapping):
                    end += 1
                rows.append([cp, KIND_STD3_SEQUENCE, pool_offset(pool, resolved, cp, end) << 8 | len(mapping)])
            cp = end + 1
            continue
        if status == data.VALID:
            kind = KIND_VALID
        elif status == data.DISALLOWED:
            kind = KIND_DISALLOWED
        elif status == data.IGNORED:
            kind = KIND_IGNORED
        else:
            kind = None
        if kind is not None:
            if rows and rows[-1][1] == kind:
                cp += 1
                continue
            rows.append([cp, kind, 0])
            cp += 1
            continue
        delta = single_delta(cp)
        # A run of the same delta.
        if delta is not None and cp + 1 < 0x110000 and single_delta(cp + 1) == delta:
            end = cp
            while end + 1 < 0x110000 and single_delta(end + 1) == delta:
                end += 1
            rows.append([cp, KIND_OFFSET, delta])
            cp = end + 1
            continue
        # Upper/lower pairs: mapped, valid, mapped, valid... by the same delta.
        if delta is not None and cp + 2 < 0x110000 and resolved[cp + 1][0] == data.VALID \
                and single_delta(cp + 2) == delta:
            end = cp
            while end + 2 < 0x110000 and resolved[end + 1][0] == data.VALID and single_delta(end + 2) == delta:
                end += 2
            rows.append([cp, KIND_ALTERNATING, delta])
            cp = end + 1  # the valid code point after `end` starts the next row
            continue
        # A lone single-scalar mapping: an offset row costs less than the pool.
        if delta is not None and (cp + 1 >= 0x110000 or single_delta(cp + 1) is None):
            rows.append([cp, KIND_OFFSET, delta])
            cp += 1
            continue
        # A run of mappings of one length, up to a long same-delta run
        # (shorter ones cost less as pool deltas than as rows of their own).
        length = len(mapping)
        end = cp
        while end + 1 < 0x110000:
            nstatus, nmapping = resolved[end + 1]
            if nstatus != data.MAPPED or len(nmapping) != length:
                break
            d = single_delta(end + 1)
            if d is not None and all(single_delta(end + 1 + k) == d for k in range(1, SAME_DELTA_RUN)):
                break
            end += 1
        rows.append([cp, KIND_SEQUENCE, pool_offset(pool, resolved, cp, end) << 8 | length])
        cp = end + 1
    return rows, pool


def pool_offset(pool, resolved, start, end):
    """The byte offset in `pool` (a bytearray) of the scalars that code
    points start...end map to, appended unless already there: each the
    zigzag LEB128 delta from the one before it (from 0 for the first).
    Deltas are short: the scalars of a row mostly lie close together."""
    encoded = bytearray()
    previous = 0
    for cp in range(start, end + 1):
        for scalar in resolved[cp][1]:
            varint(encoded, zigzag(scalar - previous))
            previous = scalar
    # Reuse an earlier identical run (decoding depends only on the bytes).
    found = pool.find(encoded)
    if found >= 0:
        return found
    pool.extend(encoded)
    return len(pool) - len(encoded)


def property_ranges(value_of, cares):
    """Rows (start, value) for a property, merging across code points whose
    value does not matter (`cares` false): a row reaches to the next one."""
    rows = []
    current = None
    for cp in range(0x80, 0x110000):
        if not cares(cp):
            continue
        v = value_of(cp)
        if v != current:
            rows.append((cp, v))
            current = v
    return rows


# Bidi classes as RFC 5893 needs them (IDNATables.Bidi).
BIDI = {"L": 0, "R": 1, "AL": 1, "AN": 2, "EN": 3, "ES": 4, "CS": 4, "ET": 4, "ON": 4, "BN": 4, "NSM": 5}
BIDI_OTHER = 6
# Joining types as the ZWNJ rule needs them (IDNATables.Joining): U, L, R, D, T.
JOINING = {ord("U"): 0, ord("C"): 0, ord("L"): 1, ord("R"): 2, ord("D"): 3, ord("T"): 4}


def main():
    uts46data, idnadata = data.load_idna(*sys.argv[1:3])
    resolved = data.resolve(uts46data)
    valid = data.assigned_valid(resolved)
    allowed = data.allowed(uts46data, idnadata)
    # A few disallowed_STD3_mapped code points are not their own NFC (U+037E
    # is U+003B): in the decoded form of an xn-- label they fail the NFC
    # check, which the Swift side makes with compositions only; so they are
    # simply not allowed.
    unstable = set(cp for cp in valid if data.unicodedata.normalize("NFC", chr(cp)) != chr(cp))
    assert all(resolved[cp][0] == data.STD3_MAPPED for cp in unstable)
    allowed -= unstable
    rows, pool = mapping_rows(resolved)
    assert max(r[0] for r in rows) < 1 << 21 and all(r[1] < 8 for r in rows)

    def cares(cp):
        return cp in valid

    def joining(cp):
        jt = idnadata.joining_types.get(cp)
        if jt is not None:
            return JOINING[jt]
        # Not in ArabicShaping.txt: T for Mn, Me and Cf, else U (RFC 5892).
        return 4 if data.unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf") else 0

    # One property word per row: ccc (8 bits) | mark (1) | bidi (3) |
    # joining (3) | allowed (1).
    def props(cp):
        return data.ccc(cp) | int(data.is_mark(cp)) << 8 | BIDI.get(data.bidi(cp), BIDI_OTHER) << 9 \
            | joining(cp) << 12 | int(cp in allowed) << 15

    prop_rows = property_ranges(props, cares)
    comps = sorted(data.compositions(valid))
    seconds = sorted(set(c[1] for c in comps))
    assert len(seconds) < 256
    check_decompositions(valid - unstable, comps)

    mapping_bytes, mapping_index = bytearray(), []
    previous = 0
    for n, (start, kind, datum) in enumerate(rows):
        if n % INDEX_STRIDE == 0:
            mapping_index += [len(mapping_bytes), start]
        varint(mapping_bytes, (start - previous) << 3 | kind)
        previous = start
        if kind in (KIND_OFFSET, KIND_ALTERNATING, KIND_STD3_OFFSET):
            varint(mapping_bytes, zigzag(datum))
        elif kind in (KIND_SEQUENCE, KIND_STD3_SEQUENCE):
            offset, length = datum >> 8, datum & 0xFF
            assert length < 32
            varint(mapping_bytes, offset << 5 | length)

    # Rows name their value by its index in a palette of the distinct words,
    # the most used first: indexes below PROPERTY_ESCAPE share the row's
    # number with its delta, `delta << 6 | index`; the others follow it as a
    # byte, after the escape index.
    uses = {}
    for _, v in prop_rows:
        uses[v] = uses.get(v, 0) + 1
    palette = sorted(uses, key=lambda v: (-uses[v], v))
    assert len(palette) <= 256
    property_bytes, property_index = bytearray(), []
    previous = 0
    for n, (start, value) in enumerate(prop_rows):
        if n % INDEX_STRIDE == 0:
            property_index += [len(property_bytes), start]
        index = palette.index(value)
        varint(property_bytes, (start - previous) << 6 | min(index, PROPERTY_ESCAPE))
        if index >= PROPERTY_ESCAPE:
            property_bytes.append(index)
        previous = start

    # Sorted by composite, composites lie close together and so do their
    # first code points (each a delta from the one before): fewer bytes
    # than sorted by first code point.
    composition_bytes = bytearray()
    previous_composite = previous_first = 0
    for first, second, composite in sorted(comps, key=lambda c: c[2]):
        varint(composition_bytes, composite - previous_composite)
        composition_bytes.append(seconds.index(second))
        varint(composition_bytes, zigzag(first - previous_first))
        previous_composite, previous_first = composite, first

    tables = [
        Table("mapping", "uint8_t", mapping_bytes, [
            "Rows covering every code point from U+0080 on: `(start - previous",
            "start) << 3 | kind`, then for `offset` and `alternating` the zigzag",
            "delta, for `sequence` `pool offset << 5 | length`. A row reaches to",
            "the next one; see `UnicodeMapping` for the kinds."]),
        Table("mappingIndex", "uint32_t", mapping_index, [
            "Every %dth mapping row: its byte offset and its start." % INDEX_STRIDE]),
        Table("pool", "uint8_t", pool, [
            "The scalars that `sequence` rows map to: per row, zigzag LEB128",
            "deltas from the scalar before (from 0 for the row's first)."]),
        Table("properties", "uint8_t", property_bytes, [
            "Properties of the code points a mapped label can hold: rows of",
            "`(start - previous start) << 6 | index` with the index of the row's",
            "word in `propertyWords`, or %d and the index in the next byte." % PROPERTY_ESCAPE]),
        Table("propertyWords", "uint16_t", palette, [
            "The distinct property words: `allowed << 15 | joining << 12 | bidi << 9",
            "| mark << 8 | ccc`."]),
        Table("propertyIndex", "uint32_t", property_index, [
            "Every %dth property row: its byte offset and its start." % INDEX_STRIDE]),
        Table("composingSeconds", "uint32_t", seconds, [
            "The second code points of canonical compositions."]),
        Table("compositions", "uint8_t", composition_bytes, [
            "Canonical compositions sorted by composite: `composite - previous",
            "composite`, the index of the second in `composingSeconds` (one byte)",
            "and the zigzag `first - previous first`."]),
    ]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    write(os.path.join(root, C_FILE), c_source(tables))
    write(os.path.join(root, SWIFT_FILE), swift_source(tables))
    total = len(mapping_bytes) + 4 * len(mapping_index) + len(pool) + len(property_bytes) \
        + 4 * len(property_index) + 2 * len(palette) + 4 * len(seconds) + len(composition_bytes)
    sys.stderr.write("mapping %d rows %d bytes, pool %d bytes, properties %d rows %d bytes, "
                     "compositions %d in %d bytes; %d bytes of data\n"
                     % (len(rows), len(mapping_bytes), len(pool), len(prop_rows), len(property_bytes),
                        len(comps), len(composition_bytes), total))


INDEX_STRIDE = 64
PROPERTY_ESCAPE = 63


C_FILE = "Sources/CLibc/IDNATables.c"
SWIFT_FILE = "Sources/LibcSupport/IDN/IDNATables.swift"

HEADER = [
    "Generated by scripts/gen-idna-tables.py from the Unicode 14.0 IDNA mapping",
    "table (PyPI idna==3.3), the Unicode 12.1 IDNA2008 classes (idna==2.9) and",
    "Python's unicodedata; do not edit. Regenerate both files,",
    "%s and %s:" % (C_FILE, SWIFT_FILE),
    "  python3 scripts/gen-idna-tables.py",
]

SWIFT_TYPES = {"uint8_t": "UInt8", "uint16_t": "UInt16", "uint32_t": "UInt32"}


class Table:
    """A generated table: its Swift name, C element type, values and doc."""

    def __init__(self, name, c_type, values, doc):
        self.name, self.c_type, self.values, self.doc = name, c_type, values, doc

    @property
    def c_name(self):
        return "".join("_" + c.lower() if c.isupper() else c for c in self.name)

    @property
    def accessor(self):
        return "clibc_idna_" + self.c_name

    def literals(self):
        bits = {"uint8_t": 8, "uint16_t": 16, "uint32_t": 32}[self.c_type]
        assert all(0 <= v < 1 << bits for v in self.values), self.name
        if self.c_type == "uint8_t":
            return ["0x%02X" % v for v in self.values], 16
        return ["0x%X" % v for v in self.values], 12 if self.c_type == "uint16_t" else 8


def c_source(tables):
    out = ["/*"]
    out += [(" * " + line).rstrip() for line in HEADER]
    out += [
        " *",
        " * The tables of getent's IDNA processing as read-only arrays of integers,",
        " * which a position-independent executable needs no relocation for.",
        " * Sources/LibcSupport/IDN/IDNATables.swift reads them through the",
        " * accessors declared in CLibc.h and tells what each holds.",
        " */",
        "#include \"CLibc.h\"",
    ]
    for t in tables:
        literals, per_line = t.literals()
        out += ["", "static const %s %s[] = {" % (t.c_type, t.c_name)]
        out += ["    " + ", ".join(literals[i:i + per_line]) + "," for i in range(0, len(literals), per_line)]
        out += ["};"]
    for t in tables:
        out += ["",
                "const %s *%s(size_t *count) {" % (t.c_type, t.accessor),
                "    *count = sizeof %s / sizeof %s[0];" % (t.c_name, t.c_name),
                "    return %s;" % t.c_name,
                "}"]
    return out


def swift_source(tables):
    out = [("// " + line).rstrip() for line in HEADER]
    out += [
        "",
        "import CLibc",
        "",
        "/// The data of `IDNA`'s UTS #46 processing, range-compressed as byte",
        "/// streams of LEB128 numbers (scripts/gen-idna-tables.py has the details).",
        "/// The tables are C arrays (Sources/CLibc/IDNATables.c): Swift arrays would",
        "/// cost getent a relocation each, and written pages, at every start.",
        "enum IDNATables {",
    ]
    for t in tables:
        out += ["    /// " + line for line in t.doc]
        out += ["    static var %s: UnsafeBufferPointer<%s> { table(%s) }" % (t.name, SWIFT_TYPES[t.c_type], t.accessor),
                ""]
    out += [
        "    /// A table through its accessor, which returns it and its length; it",
        "    /// lives as long as the process.",
        "    private static func table<Element>(",
        "        _ accessor: (UnsafeMutablePointer<Int>) -> UnsafePointer<Element>?",
        "    ) -> UnsafeBufferPointer<Element> {",
        "        var count = 0",
        "        let start = accessor(&count)",
        "        return UnsafeBufferPointer(start: start, count: count)",
        "    }",
        "}",
    ]
    return out


def write(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def check_decompositions(valid, comps):
    """The Swift side decomposes with the composition pairs only (and
    Hangul arithmetic): that must give the NFD of every code point a mapped
    label can hold."""
    pairs = {c: (a, b) for a, b, c in comps}

    def decompose(cp):
        if 0xAC00 <= cp <= 0xD7A3:
            return data.unicodedata.normalize("NFD", chr(cp))
        if cp in pairs:
            return decompose(pairs[cp][0]) + chr(pairs[cp][1])
        return chr(cp)
    for cp in valid:
        assert decompose(cp) == data.unicodedata.normalize("NFD", chr(cp)), hex(cp)


def varint(out, value):
    assert value >= 0
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)


def zigzag(value):
    return value << 1 if value >= 0 else (-value << 1) - 1


if __name__ == "__main__":
    main()
