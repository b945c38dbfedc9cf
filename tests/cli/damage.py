#!/usr/bin/python3
"""damage.py GOOD.xlsx GOOD.pdf OUTDIR — writes damaged copies of a real
workbook and a real PDF, each the way a failed write leaves a file, for
runtime.sh to feed through a plugin that reports success anyway."""
import os
import struct
import sys
import zipfile

xlsx, pdf, out = sys.argv[1:4]
data = open(xlsx, 'rb').read()


def put(name, b):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(b)


# Cut short: no end-of-central-directory record.
put('cut.xlsx', data[:len(data) * 2 // 3])
# Only the last bytes missing: the EOCD is incomplete.
put('cut-end.xlsx', data[:-5])

# A whole, valid archive whose sheet XML stops where a write failed
# (what libxlsxwriter makes of a temporary file cut by a size limit).
with zipfile.ZipFile(xlsx) as src, \
        zipfile.ZipFile(os.path.join(out, 'cut-sheet.xlsx'), 'w', zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        body = src.read(info.filename)
        if info.filename.startswith('xl/worksheets/sheet'):
            body = body[:len(body) // 2]
        dst.writestr(info, body)

# A central directory entry pointing past its local header.
eocd = data.rindex(b'PK\x05\x06')
cd_offset = struct.unpack('<I', data[eocd + 16:eocd + 20])[0]
bad = bytearray(data)
struct.pack_into('<I', bad, cd_offset + 42, cd_offset - 10)
put('bad-offset.xlsx', bytes(bad))

# A flipped byte in the middle of a deflated part: CRC or inflate fails.
with zipfile.ZipFile(xlsx) as z:
    info = max(z.infolist(), key=lambda i: i.compress_size if i.filename.endswith('.xml') else 0)
start = info.header_offset + 30 + len(info.filename.encode()) + \
    struct.unpack('<H', data[info.header_offset + 28:info.header_offset + 30])[0]
bad = bytearray(data)
bad[start + info.compress_size // 2] ^= 0x55
put('flipped.xlsx', bytes(bad))

# The same parts, rezipped as they are: must pass.
with zipfile.ZipFile(xlsx) as src, \
        zipfile.ZipFile(os.path.join(out, 'rezipped.xlsx'), 'w', zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        dst.writestr(info, src.read(info.filename))

p = open(pdf, 'rb').read()
put('cut.pdf', p[:len(p) * 9 // 10])
put('no-eof.pdf', p[:p.rindex(b'%%EOF')])
i = p.rindex(b'startxref')
put('bad-startxref.pdf', p[:i] + b'startxref\n' + str(len(p) * 2).encode() + b'\n%%EOF\n')
