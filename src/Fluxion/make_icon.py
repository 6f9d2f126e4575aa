#!/usr/bin/env python3
"""Draws the package icon, icon.png beside this script: a curve and its tangent on a rounded square.

Standard library only, so anyone can redraw it: python3 src/Fluxion/make_icon.py
The output is deterministic; the PNG is committed and packed (PackageIcon in Fluxion.csproj).
"""

import math
import os
import struct
import zlib

SIZE = 128
SUBSAMPLES = 4  # per axis: 16 samples per pixel smooth the edges

BACKGROUND = (36, 49, 94)
CURVE = (242, 245, 255)
TANGENT = (255, 158, 36)

CORNER_RADIUS = 26.0
CURVE_HALF_WIDTH = 4.2
TANGENT_HALF_WIDTH = 3.2
DOT_RADIUS = 8.0
TOUCH_U = 42.0          # where the tangent touches the curve
TANGENT_HALF_LENGTH = 44.0


def curve_y(u):
    # A sigmoid, rising left to right (image rows grow downwards).
    return 66.0 - 36.0 * math.tanh((u - 64.0) / 21.0)


def curve_slope(u):
    return -36.0 / 21.0 / math.cosh((u - 64.0) / 21.0) ** 2


def inside_rounded_square(x, y):
    # Distance from the square shrunk by the corner radius, compared with the radius.
    low, high = CORNER_RADIUS, SIZE - CORNER_RADIUS
    dx = max(low - x, 0.0, x - high)
    dy = max(low - y, 0.0, y - high)
    return dx * dx + dy * dy <= CORNER_RADIUS * CORNER_RADIUS


def near_curve(x, y):
    # |y − f(x)| / √(1 + f′²) is the distance to the graph, to first order: enough for a stroke this thin.
    slope = curve_slope(x)
    return abs(y - curve_y(x)) / math.sqrt(1.0 + slope * slope) <= CURVE_HALF_WIDTH


TOUCH = (TOUCH_U, curve_y(TOUCH_U))
_length = math.hypot(1.0, curve_slope(TOUCH_U))
DIRECTION = (1.0 / _length, curve_slope(TOUCH_U) / _length)


def near_tangent(x, y):
    # Distance to the segment of the tangent line centred on the touching point.
    px, py = x - TOUCH[0], y - TOUCH[1]
    along = max(-TANGENT_HALF_LENGTH, min(TANGENT_HALF_LENGTH, px * DIRECTION[0] + py * DIRECTION[1]))
    return math.hypot(px - along * DIRECTION[0], py - along * DIRECTION[1]) <= TANGENT_HALF_WIDTH


def on_dot(x, y):
    return math.hypot(x - TOUCH[0], y - TOUCH[1]) <= DOT_RADIUS


def pixel(column, row):
    """Averages the colour and coverage of the pixel's subsamples; layers painted back to front."""
    red = green = blue = alpha = 0.0
    for i in range(SUBSAMPLES):
        for j in range(SUBSAMPLES):
            x = column + (i + 0.5) / SUBSAMPLES
            y = row + (j + 0.5) / SUBSAMPLES
            if not inside_rounded_square(x, y):
                continue
            colour = BACKGROUND
            if near_curve(x, y):
                colour = CURVE
            if near_tangent(x, y) or on_dot(x, y):
                colour = TANGENT
            red += colour[0]
            green += colour[1]
            blue += colour[2]
            alpha += 1.0
    if alpha == 0.0:
        return (0, 0, 0, 0)
    # Colours averaged over the covered samples only, so edges do not darken towards black.
    return (round(red / alpha), round(green / alpha), round(blue / alpha), round(255 * alpha / SUBSAMPLES ** 2))


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    rows = bytearray()
    for row in range(SIZE):
        rows.append(0)  # filter type 0: the row as it is
        for column in range(SIZE):
            rows.extend(pixel(column, row))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    png = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + png_chunk(b"IEND", b"")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(path, "wb") as output:
        output.write(png)
    print(f"wrote {path} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
