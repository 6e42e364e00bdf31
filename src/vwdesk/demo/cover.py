"""A drawn cover picture for the demo locations (a row of houses by the
water), so the demo report shows the cover photo feature without a photo of
real people or places. Made with Pillow (which ReportLab depends on)."""

from __future__ import annotations

import io
import random


def cover_picture(seed: int, width: int = 900, height: int = 300) -> bytes:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    for y in range(height):  # sky: light blue to almost white
        t = y / height
        draw.line([(0, y), (width, y)], fill=(int(150 + 90 * t), int(195 + 50 * t), 245))
    water = int(height * 0.78)
    draw.rectangle([0, water, width, height], fill=(40, 95, 150))
    x = 10
    palette = [(196, 80, 60), (230, 160, 60), (120, 150, 90), (200, 200, 190), (150, 90, 70)]
    while x < width - 20:
        w = rng.randint(45, 80)
        h = rng.randint(70, 130)
        top = water - h
        color = rng.choice(palette)
        draw.rectangle([x, top, x + w, water], fill=color)
        draw.polygon([(x - 4, top), (x + w // 2, top - rng.randint(25, 45)), (x + w + 4, top)],
                     fill=(70, 60, 60))
        for wy in range(top + 12, water - 20, 28):
            for wx in range(x + 8, x + w - 14, 20):
                draw.rectangle([wx, wy, wx + 10, wy + 14], fill=(250, 235, 170))
        x += w + rng.randint(4, 14)
    for i in range(6):  # ripples
        y = water + 10 + i * 10
        draw.line([(rng.randint(0, width // 2), y), (rng.randint(width // 2, width), y)],
                  fill=(90, 140, 190), width=2)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=70)
    return out.getvalue()
