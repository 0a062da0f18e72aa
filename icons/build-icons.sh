#!/usr/bin/env bash
# Regenerates every raster of the Reprodiff icon from the two hand-written SVGs in this folder:
#   reprodiff.svg        the icon, drawn for 32 px and up
#   reprodiff-small.svg  the simplified drawing used at 16 and 24 px
# Writes app-<N>.png for N in 16 24 32 48 64 128 256 512 1024, reprodiff.ico (16-256) and reprodiff.icns
# (16-1024), and copies the window-icon sizes into src/main/resources/org/reprodiff/ui/icons/.
# The outputs are committed: packaging and CI use them and need none of these tools.
#
# Needs (Debian packages): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns)
#   apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
resources="$here/../src/main/resources/org/reprodiff/ui/icons"
# Debian's convert; some machines put a stand-in for it earlier on the PATH.
convert_bin="$(command -v /usr/bin/convert || command -v convert)"

for tool in rsvg-convert png2icns "$convert_bin"; do
  command -v "$tool" >/dev/null || { echo "build-icons: $tool not found (see the header of $0)" >&2; exit 2; }
done

cd "$here"
for size in 16 24 32 48 64 128 256 512 1024; do
  source_svg=reprodiff.svg
  if [ "$size" -le 24 ]; then source_svg=reprodiff-small.svg; fi
  rsvg-convert --width "$size" --height "$size" --format png --output "app-$size.png" "$source_svg"
done

# Windows: one entry per size from 16 to 256 (the 256 entry is the one Explorer scales for large views).
"$convert_bin" app-16.png app-24.png app-32.png app-48.png app-64.png app-128.png app-256.png reprodiff.ico

# macOS: png2icns picks the icon type from each PNG's size (is32/il32/ih32 with masks, it32, ic08, ic09, ic10).
png2icns reprodiff.icns app-16.png app-32.png app-48.png app-128.png app-256.png app-512.png app-1024.png >/dev/null

mkdir -p "$resources"
for size in 16 32 48 64 128 256; do
  cp "app-$size.png" "$resources/app-$size.png"
done
echo "build-icons: wrote $(ls app-*.png | wc -l) PNGs, reprodiff.ico, reprodiff.icns; copied 6 window icons"
