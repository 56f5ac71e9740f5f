#!/usr/bin/env bash
#
# Copyright 2026 The modelprint authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#

# The consumer-project check (issue 15): install the artifacts a user of modelprint-onnx needs
# into the local Maven repository, then build and run this project, which knows modelprint only
# through modelprint-bom and modelprint-onnx. Run from anywhere; exits non-zero on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
./mvnw -q -B install -DskipTests -pl bom,onnx -am
cd "$here"
"$root/mvnw" -q -B -f pom.xml verify exec:java \
    -Dexec.args="$root/examples/models/independent-a.onnx $root/examples/models/independent-b.onnx"
