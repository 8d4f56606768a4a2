#!/usr/bin/env bash
# Regenerates samples/demo-call.wav: a short synthetic two-party service call (espeak-ng Mandarin voices),
# stereo 8 kHz G.711 mu-law like a telephony recording, agent left and customer right, with light line noise,
# a hold of about 10 s, one place where the customer talks over the agent, and some forbidden agent phrases.
# Also writes demo-call.transcript.json (the bring-your-own transcript format) with the planted times.
# Needs espeak-ng and sox (apt-get install espeak-ng sox). The output is committed; run this only to change it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
for tool in espeak-ng sox soxi; do command -v "$tool" >/dev/null || { echo "need $tool (apt-get install espeak-ng sox)" >&2; exit 1; }; done

# start(s)|speaker|text ; a start of "+G" means G seconds after the previous turn ended (negative = overlap).
TURNS=(
  "0.6|agent|您好，很高兴为您服务，请问有什么可以帮您？"
  "+0.7|customer|你好，我家的宽带从昨天开始就上不了网了。"
  "+0.6|agent|好的，请您稍等，我帮您查询一下。"
  "+10.5|agent|感谢您的耐心等待。您的线路有故障，我们明天派师傅上门维修。"
  "-1.2|customer|明天？能不能今天就来修？"
  "+0.8|agent|不清楚，这个我也没办法。"
  "+0.6|customer|你们的服务太差了，我要投诉。"
  "+0.9|agent|非常抱歉给您带来不便。请问还有什么可以帮您？感谢您的来电，再见。"
)
voice() { [ "$1" = agent ] && echo "-v cmn-latn-pinyin+f3 -p 60 -s 165" || echo "-v cmn-latn-pinyin -p 35 -s 175"; }

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
end=0; i=0; segments=()
for turn in "${TURNS[@]}"; do
  IFS='|' read -r at who text <<<"$turn"
  # shellcheck disable=SC2046
  espeak-ng $(voice "$who") -w "$TMP/raw$i.wav" "$text"
  # 8 kHz mono, leading/trailing synthesis silence trimmed so the times below are the speech edges.
  sox "$TMP/raw$i.wav" -r 8000 -c 1 -b 16 "$TMP/u$i.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  len=$(soxi -D "$TMP/u$i.wav")
  case "$at" in +*|-*) start=$(calc "$end + ($at)") ;; *) start=$(calc "$at") ;; esac
  stop=$(calc "$start + $len")
  sox "$TMP/u$i.wav" "$TMP/p$i.wav" pad "$start"
  echo "$who $TMP/p$i.wav" >>"$TMP/list"
  segments+=("{\"speaker\":\"$who\",\"start\":$start,\"end\":$stop,\"text\":\"$text\"}")
  end=$stop; i=$((i + 1))
done
total=$(calc "$end + 2.0")

mix() { # role -> one channel with every turn of that role
  local files; files=$(awk -v r="$1" '$1 == r {print $2}' "$TMP/list")
  # shellcheck disable=SC2086
  if [ "$(echo "$files" | wc -l)" -gt 1 ]; then sox -m -v 1 $files "$TMP/$1-speech.wav"; else cp $files "$TMP/$1-speech.wav"; fi
  sox "$TMP/$1-speech.wav" "$TMP/$1-padded.wav" pad 0 "$total" trim 0 "$total"
  sox -n -r 8000 -c 1 -b 16 "$TMP/$1-noise.wav" synth "$total" pinknoise vol 0.003
  sox -m "$TMP/$1-padded.wav" "$TMP/$1-noise.wav" "$TMP/$1.wav"
}
mix agent; mix customer
sox -M "$TMP/agent.wav" "$TMP/customer.wav" -e u-law -b 8 "$HERE/demo-call.wav"

{
  echo '{"callId":"demo-call","startedAt":"2026-11-23T10:15:00+08:00",'
  echo ' "segments":['
  for j in "${!segments[@]}"; do sep=","; [ "$j" -eq $((${#segments[@]} - 1)) ] && sep=""; echo "  ${segments[$j]}$sep"; done
  echo ' ],'
  echo " \"events\":[{\"type\":\"hangup\",\"by\":\"customer\",\"at\":$end}]}"
} >"$HERE/demo-call.transcript.json"
echo "wrote $HERE/demo-call.wav ($(soxi -D "$HERE/demo-call.wav") s) and demo-call.transcript.json"
