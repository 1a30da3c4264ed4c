#!/usr/bin/env bash
# How long a 3,000-character bracketed paste takes to land in the wizard's instance field, in a
# real 80x24 tmux terminal: from `paste-buffer -p` to the screen showing the paste's note.
# Usage: bench/paste-latency.sh [BINARY] [RUNS]
set -euo pipefail
binary=${1:-.build/debug/snowgate}
runs=${2:-5}
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
text="$(head -c 3000 /dev/zero | tr '\0' 'a') "
for run in $(seq 1 "$runs"); do
  socket="sg-bench-paste-$$-$run"
  tmux -L "$socket" -f /dev/null new-session -d -x 80 -y 24 \
    "export TERM=xterm-256color SNOWGATE_CONFIG_DIR=$config; $binary setup; sleep 30"
  until tmux -L "$socket" capture-pane -p | grep -q "Set up a new connection"; do sleep 0.02; done
  tmux -L "$socket" send-keys Enter
  until tmux -L "$socket" capture-pane -p | grep -q "Instance address"; do sleep 0.02; done
  tmux -L "$socket" set-buffer -- "$text"
  start=$(date +%s%N)
  tmux -L "$socket" paste-buffer -p
  until tmux -L "$socket" capture-pane -p | grep -q "Left out the spaces"; do sleep 0.005; done
  end=$(date +%s%N)
  echo "run $run: $(((end - start) / 1000000)) ms"
  tmux -L "$socket" kill-server
done
