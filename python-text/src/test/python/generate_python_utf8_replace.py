#!/usr/bin/env python3
"""Writes python-utf8-replace.txt: byte strings and what bytes.decode('utf-8', 'replace') makes of them.

Each line: the bytes in hex, ' ; ', the code points of the result in hex (or '-' for none). The cases are
every lead byte followed by each interesting continuation, and random mixes weighted towards the bytes
where UTF-8 decoders differ (surrogates, overlongs, truncations, out of range)."""
import random

rng = random.Random(20261129)
interesting = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
               0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF]
cases = []
for a in range(0x80, 256):
    cases.append(bytes([a]))
    for b in interesting:
        cases.append(bytes([a, b]))
        cases.append(bytes([a, b, 0x80]))
        cases.append(bytes([a, b, 0x80, 0x80]))
for _ in range(1500):
    n = rng.randrange(1, 9)
    cases.append(bytes(rng.choice(interesting) if rng.random() < 0.8 else rng.randrange(256) for _ in range(n)))
for text in ["ASCII", "Zoë", "€uro", "😀", "日本"]:
    cases.append(text.encode())
with open("python-utf8-replace.txt", "w") as out:
    out.write("# bytes ; bytes.decode('utf-8', 'replace') as code points (generate_python_utf8_replace.py)\n")
    for case in cases:
        decoded = case.decode("utf-8", "replace")
        out.write(" ".join("%02X" % b for b in case) + " ; " + (" ".join("%X" % ord(c) for c in decoded) or "-") + "\n")
