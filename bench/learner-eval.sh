#!/usr/bin/env bash
# Measures the learner models on the ASSISTments 2009 files of Gervet et al. 2020 (see
# ../shared/data/kt/assistments09/README.md): each model with the Q-matrix, then the default and
# Best-LR on the skill-combination column alone. Prints one block per run.
#
#   ./mvnw -B -q -DskipTests package && bench/learner-eval.sh [MODEL ...]
#
# DATA overrides the data folder (the files are read in place, never copied); JAVA_HOME picks the
# JDK (21 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data/kt/assistments09}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$(ls target/studyloop-*.jar | head -n 1)
MODELS=("$@")
if [ ${#MODELS[@]} -eq 0 ]; then
    MODELS=(best-lr-plus online best-lr pfa elo bkt-forget bkt)
fi
for model in "${MODELS[@]}"; do
    echo "== $model, skills from item_skills.tsv"
    "$JAVA" -jar "$JAR" learner-eval --train "$DATA/train.tsv" --test "$DATA/test.tsv" \
        --item-skills "$DATA/item_skills.tsv" --model "$model"
done
for model in "${MODELS[@]}"; do
    echo "== $model, skills from the skill_id column"
    "$JAVA" -jar "$JAR" learner-eval --train "$DATA/train.tsv" --test "$DATA/test.tsv" --model "$model"
done
