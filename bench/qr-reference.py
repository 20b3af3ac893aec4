#!/usr/bin/env python3
"""Reference QR Code matrices from two independent encoders, for SconDomain's QR tests.

    pip install segno qrcode
    python3 bench/qr-reference.py full     # a few whole matrices ('#' dark, '.' light)
    python3 bench/qr-reference.py digests  # SHA-256 of the matrix text for 160 cases

segno draws each symbol; python-qrcode must draw the same one (same version, level and
mask), or the script stops. segno 1.6.6 needs a one-line fix of its bit padding (below). The matrix text is the rows joined by newlines, as
QRCode.rows in Swift. Both encoders are asked for one segment in a forced mode, with no
ECI, no level boost, and the given mask.
"""
import hashlib
import sys

import qrcode
import qrcode.util
import segno
import segno.encoder as segno_encoder


def _padding_bits(buff, version, length):
    # segno 1.6.6 writes 8 zero bits when the stream already ends on a codeword boundary
    # (`8 - length % 8`); ISO/IEC 18004 §7.4.10 adds none. Pad codewords follow either way
    # and the symbol still scans, but it is not the standard's. Patched here to compare.
    if version not in (segno.consts.VERSION_M1, segno.consts.VERSION_M3):
        buff.extend([0] * ((8 - length % 8) % 8))


segno_encoder.write_padding_bits = _padding_bits

LEVELS = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
          "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}
MODES = {"numeric": qrcode.util.MODE_NUMBER, "alphanumeric": qrcode.util.MODE_ALPHA_NUM, "byte": qrcode.util.MODE_8BIT_BYTE}


def segno_rows(text, mode, version, level, mask):
    symbol = segno.make_qr(text, error=level, version=version, mode=mode, mask=mask,
                           boost_error=False, encoding="utf-8" if mode == "byte" else None)
    assert symbol.version == version and symbol.error == level and symbol.mask == mask, (symbol.version, symbol.error, symbol.mask)
    return ["".join("#" if bit else "." for bit in row) for row in symbol.matrix]


def pyqrcode_rows(text, mode, version, level, mask):
    code = qrcode.QRCode(version=version, error_correction=LEVELS[level], border=0, mask_pattern=mask)
    data = text.encode("utf-8") if mode == "byte" else text
    code.add_data(qrcode.util.QRData(data, mode=MODES[mode]), optimize=0)
    code.make(fit=False)
    return ["".join("#" if bit else "." for bit in row) for row in code.get_matrix()]


def rows(text, mode, version, level, mask):
    first = segno_rows(text, mode, version, level, mask)
    second = pyqrcode_rows(text, mode, version, level, mask)
    if first != second:
        sys.exit(f"segno and python-qrcode disagree on {text!r} {mode} v{version} {level} mask {mask}")
    return first


FULL = [
    ("HELLO WORLD", "alphanumeric", 1, "M", 2),
    ("01234567", "numeric", 1, "H", 6),
    ("https://kscon.example/c/K7QF-9MZC-XR3T", "byte", 3, "M", 5),
    ("초청연수 수료증 K-SCON", "byte", 3, "Q", 3),
    ("otpauth://totp/K-SCON:officer%40kscon.example?secret=JBSWY3DPEHPK3PXP&issuer=K-SCON", "byte", 7, "L", 1),
]


def text_for(version, level, mode):
    """A text that fills most of the symbol, so that every block carries data."""
    seeds = {"numeric": "31415926535897932384626433832795028841971693993751",
             "alphanumeric": "KOREA ASEAN SMART CITY $%*+-./: 0123456789 ",
             "byte": "https://kscon.example/초청연수/cohort?id=2026-01&lang=ko-KR#세션 "}
    seed = seeds[mode]
    length = 7000
    while True:
        text = (seed * (length // len(seed) + 1))[:length]
        try:
            segno.make_qr(text, error=level, version=version, mode=mode, boost_error=False,
                          encoding="utf-8" if mode == "byte" else None)
            return text
        except segno.DataOverflowError:
            length = length * 9 // 10 - 1


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "full"
    if what == "full":
        for text, mode, version, level, mask in FULL:
            print(f"// {text!r} {mode} v{version} {level} mask {mask}")
            for row in rows(text, mode, version, level, mask):
                print(f'"{row}",')
    else:
        modes = ["byte", "alphanumeric", "numeric"]
        for version in range(1, 41):
            for index, level in enumerate("LMQH"):
                mode = modes[(version + index) % 3]
                mask = (version * 4 + index) % 8
                text = text_for(version, level, mode)
                # The fill keeps 90 % of the capacity: some data, some padding.
                text = text[: max(1, len(text) * 9 // 10)]
                digest = hashlib.sha256("\n".join(rows(text, mode, version, level, mask)).encode()).hexdigest()
                print(f'({version}, "{level}", "{mode}", {mask}, {len(text)}, "{digest}"),')


main()
