#!/usr/bin/env bash
# Make samples/therapy_intake_video.mp4: a small synthetic video for testing --redact-media.
#
#   bash samples/make_video_sample.sh
#
# Built from therapy_intake.flac (its fake identifiers are in therapy_intake.pii.json) to look
# like a real recording's awkward parts, as in ../shared/corpus/video_samples/nasa_13013.mp4:
#   - two video streams (colour bars 160x90 at 10 fps, a test pattern 96x54 at 5 fps), H.264;
#   - two audio streams: the meeting as 16 kHz mono AAC, and again as 44.1 kHz stereo AAC;
#   - one mov_text subtitle stream holding the UNREDACTED names (a redacted copy must drop it);
#   - title/comment/artist tags, a stream title and a chapter that carry a fake name (a redacted
#     copy must clear them).
# Needs ffmpeg (PATH, else FFMPEG=/path/to/ffmpeg) with libx264. Output is about 0.6 MB.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FFMPEG="${FFMPEG:-$(command -v ffmpeg || true)}"
[ -n "$FFMPEG" ] || { echo "make_video_sample.sh: ffmpeg not found (set FFMPEG=...)" >&2; exit 1; }
SRC="$HERE/therapy_intake.flac"
OUT="$HERE/therapy_intake_video.mp4"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cat >"$TMP/captions.srt" <<'EOF'
1
00:00:00,500 --> 00:00:05,000
Intake session with Maria Lopez

2
00:00:05,000 --> 00:00:10,000
Client Maria Lopez, phone 555-123-4567
EOF

cat >"$TMP/metadata.txt" <<'EOF'
;FFMETADATA1
title=Intake session with Maria Lopez
comment=Client phone 555-123-4567, maria.lopez@outlook.com
artist=Dr. Example for Maria Lopez

[CHAPTER]
TIMEBASE=1/1000
START=0
END=10000
title=Maria Lopez introduces herself
EOF

# as long as the meeting: "Duration: 00:00:55.83, ..." from ffmpeg's description of the input
LENGTH="$({ "$FFMPEG" -hide_banner -i "$SRC" 2>&1 || true; } | sed -n 's/.*Duration: \([0-9:.]*\),.*/\1/p')"
[ -n "$LENGTH" ] || { echo "make_video_sample.sh: cannot read the length of $SRC" >&2; exit 1; }

"$FFMPEG" -nostdin -hide_banner -loglevel error -y \
  -t "$LENGTH" -f lavfi -i "smptebars=size=160x90:rate=10" \
  -t "$LENGTH" -f lavfi -i "testsrc2=size=96x54:rate=5" \
  -i "$SRC" -i "$TMP/captions.srt" -i "$TMP/metadata.txt" \
  -map 0:v -map 2:a -map 1:v -map 2:a -map 3:s -map_metadata 4 -map_chapters 4 \
  -c:v libx264 -preset veryslow -crf 42 -pix_fmt yuv420p -g 50 -threads 1 \
  -c:a aac -b:a:0 24k -ar:a:0 16000 -ac:a:0 1 -b:a:1 48k -ar:a:1 44100 -ac:a:1 2 \
  -c:s mov_text -metadata:s:a:1 "title=Maria Lopez room mic" -metadata:s:a:0 language=eng \
  -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  "$OUT"
printf '%s: %s bytes\n' "$OUT" "$(wc -c <"$OUT")"
