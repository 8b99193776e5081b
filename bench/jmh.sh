#!/usr/bin/env bash
# JMH microbenchmarks of the learner model's hot paths (src/test/java/org/studyloop/mastery/bench).
# Usage: bench/jmh.sh [JMH options, e.g. a benchmark regex or -f 2 -i 10]; default: all of them.
# Builds the test classes, then runs org.openjdk.jmh.Main on the test class path.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q test-compile -Dspotless.check.skip=true
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
    org.openjdk.jmh.Main -rf text -rff target/jmh-result.txt "${@:-org.studyloop.mastery.bench.}"
