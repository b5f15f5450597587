#!/usr/bin/env bash
# Regenerate the synthetic meeting recordings in this folder from their scripts.
#
#   bash samples/make_samples.sh            # all meetings
#   bash samples/make_samples.sh clinic_call # just one
#
# Needs only espeak-ng and sox. Output: samples/<name>.flac (16 kHz, mono, 16-bit) and
# samples/<name>.rttm, who speaks when (the reference for diarization tests).
# Each script line is SPEAKER_LABEL|voice|text ; lines starting with # are comments.
# The output is deterministic: the same scripts and tool versions give the same bytes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SPEED="${HUSH_SAMPLE_SPEED:-150}"   # espeak-ng words per minute
GAP="${HUSH_SAMPLE_GAP:-0.5}"       # seconds of silence between turns
EDGE=0.3                            # seconds of silence at start and end
RATE=16000

MEETINGS=(therapy_intake legal_consultation clinic_call)
if [ "$#" -gt 0 ]; then MEETINGS=("$@"); fi

for tool in espeak-ng sox bc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make_samples.sh: $tool not found on PATH" >&2; exit 1; }
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

sox -D -n -r "$RATE" -c 1 -b 16 "$TMP/gap.wav" trim 0 "$GAP"
sox -D -n -r "$RATE" -c 1 -b 16 "$TMP/edge.wav" trim 0 "$EDGE"

for name in "${MEETINGS[@]}"; do
  script="$HERE/$name.script.txt"
  [ -f "$script" ] || { echo "make_samples.sh: no script $script" >&2; exit 1; }
  parts=("$TMP/edge.wav")
  n=0
  clock="$EDGE"
  rttm="$TMP/$name.rttm"
  : >"$rttm"
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    case "$line" in ''|'#'*) continue ;; esac
    IFS='|' read -r speaker voice text <<<"$line"
    if [ -z "${speaker:-}" ] || [ -z "${voice:-}" ] || [ -z "${text:-}" ]; then
      echo "make_samples.sh: bad line in $script: $line" >&2; exit 1
    fi
    n=$((n + 1))
    raw="$TMP/$name.$n.raw.wav"
    turn="$TMP/$name.$n.wav"
    espeak-ng -v "$voice" -s "$SPEED" -w "$raw" -- "$text"
    # resample to 16 kHz mono 16-bit and trim espeak's trailing silence (the start is
    # left alone: trimming it clips soft onsets such as "h" and "th")
    sox -D "$raw" -r "$RATE" -c 1 -b 16 "$turn" gain -2 reverse silence 1 0.02 0.1% reverse
    if [ "$n" -gt 1 ]; then parts+=("$TMP/gap.wav"); clock="$(echo "$clock + $GAP" | bc -l)"; fi
    parts+=("$turn")
    length="$(sox --i -D "$turn")"
    printf 'SPEAKER %s 1 %.3f %.3f <NA> <NA> %s <NA> <NA>\n' "$name" "$clock" "$length" "$speaker" >>"$rttm"
    clock="$(echo "$clock + $length" | bc -l)"
  done <"$script"
  [ "$n" -gt 0 ] || { echo "make_samples.sh: $script has no turns" >&2; exit 1; }
  parts+=("$TMP/edge.wav")
  out="$HERE/$name.flac"
  sox -D "${parts[@]}" -r "$RATE" -c 1 -b 16 -C 8 "$out"
  cp "$rttm" "$HERE/$name.rttm"
  printf '%s: %d turns, %s s, %s bytes\n' "$name" "$n" "$(sox --i -D "$out")" "$(wc -c <"$out")"
done
