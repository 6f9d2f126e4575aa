#!/usr/bin/env python3
"""Marks the GLIBCXX_3.4.32 version requirement weak in the libtorch / TorchSharp shared
libraries of one output folder, so they load with an older libstdc++ (Debian 12 ships
GLIBCXX_3.4.30). Only the VER_NEED entries' flags change; the libraries in the package cache
are never touched.

    python3 benchmarks/weaken-glibcxx.py benchmarks/Fluxion.Benchmarks/bin/Release/net10.0
"""
import os
import struct
import sys

VERSION = b"GLIBCXX_3.4.32"
SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def patch(path):
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            return 0  # only 64-bit little-endian ELF
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        changed = 0
        for (_, sh_type, _, _, sh_offset, _, sh_link, _, _, _) in sections:
            if sh_type != SHT_GNU_VERNEED:
                continue
            strtab = sections[sh_link][4]
            need = sh_offset
            while True:
                _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", data, need)
                aux = need + vn_aux
                for _ in range(vn_cnt):
                    _, flags, _, name, vna_next = struct.unpack_from("<IHHII", data, aux)
                    end = data.index(b"\0", strtab + name)
                    if bytes(data[strtab + name:end]) == VERSION and not flags & VER_FLG_WEAK:
                        struct.pack_into("<H", data, aux + 4, flags | VER_FLG_WEAK)
                        changed += 1
                    if vna_next == 0:
                        break
                    aux += vna_next
                if vn_next == 0:
                    break
                need += vn_next
        if changed:
            f.seek(0)
            f.write(data)
        return changed


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "."
    for root, _, files in os.walk(folder):
        for name in files:
            if ".so" in name:
                path = os.path.join(root, name)
                n = patch(path)
                if n:
                    print(f"{path}: {VERSION.decode()} marked weak ({n})")


if __name__ == "__main__":
    main()
