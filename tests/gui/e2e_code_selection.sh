#!/usr/bin/env bash
# End-to-end in a real window (run under xvfb-run by test_gui_e2e): open a
# document, drag-select with the mouse, press the code shortcut 1, quit with
# Ctrl+Q. The caller then checks that the project holds the coding.
#   e2e_code_selection.sh TELAAH_BINARY PROJECT DOC
set -euo pipefail
bin=$1 project=$2 doc=$3
"$bin" gui "$project" --open "$doc" --size 1280x800 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
win=$(timeout 30 xdotool search --sync --onlyvisible --name "$(basename "$project")")
win=${win%%$'\n'*}
sleep 3  # fonts, layout and the first frames (slow on a loaded machine)
# The document pane sits between the browser (270 px) and the codebook (360 px);
# its text starts below the title, the pinned-code row and the separator.
read -r x y < <(xdotool getwindowgeometry "$win" | awk '/Position/ {split($2, p, ","); print p[1], p[2]}')
x0=$((x + 420)); y0=$((y + 300)); x1=$((x + 780)); y1=$((y + 330))
xdotool mousemove "$x0" "$y0"
sleep 0.2
xdotool mousedown 1
for i in 1 2 3 4 5 6; do
  xdotool mousemove $((x0 + (x1 - x0) * i / 6)) $((y0 + (y1 - y0) * i / 6))
  sleep 0.05
done
xdotool mouseup 1
sleep 0.3
xdotool key 1
sleep 0.5
xdotool key ctrl+q
for i in $(seq 1 100); do
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
if kill -0 $pid 2>/dev/null; then
  echo "the window did not quit on Ctrl+Q" >&2
  exit 3
fi
wait $pid
trap - EXIT
