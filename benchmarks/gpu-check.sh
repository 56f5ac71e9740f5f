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

# The first GPU measurement, in one command, on a machine with an NVIDIA GPU, a JDK 17+ and access to Maven
# Central (about 1 GB of natives on the first run): builds with the GPU profiles, says whether ND4J's CUDA build
# loads and, if it does, runs the kernel suite's quick rows on it, then scores the ONNX zoo on the CPU and on the
# GPU through ONNX Runtime's CUDA provider and prints the ratios. Sized for under 5 minutes end to end.
#
#   benchmarks/gpu-check.sh [ONNX_FILES]       (default 48; the zoo: -Dmodelprint.onnx.zoo or zoo-cache/pytorch/full)
#
# What is known before it has ever run: ND4J 1.0.0-M2.1's only CUDA builds are for CUDA 11.4 and 11.6, which
# predate Hopper (sm_90, CUDA 11.8), so ND4J CUDA is not expected to load on H100/H200 (it may on Ampere and older);
# ONNX Runtime 1.29's GPU build needs CUDA 12 and cuDNN 9 libraries on the machine.
set -uo pipefail
cd "$(dirname "$0")/.."
files="${1:-48}"
start=$SECONDS
log=benchmarks/target/gpu-check
mkdir -p "$log"

echo "== GPU"
if ! nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv,noheader; then
  echo "no NVIDIA GPU here (nvidia-smi failed): the ONNX rows below will fall back to the CPU" >&2
fi

echo "== build (-Pcuda: nd4j-cuda-11.6 beside nd4j-native; -Ponnx-gpu: onnxruntime_gpu in place of onnxruntime)"
if ! ./mvnw -q -B -Pcuda,onnx-gpu -Dmodelprint.cuda -pl benchmarks -am package -DskipTests -Dlicense.skip \
    > "$log/build.log" 2>&1; then
  tail -40 "$log/build.log" >&2
  echo "build failed after $((SECONDS - start)) s: see $log/build.log" >&2
  exit 2
fi
echo "built in $((SECONDS - start)) s"
jar=benchmarks/target/benchmarks.jar
java_opts=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dmodelprint.root=. -Dmodelprint.data.dir=data/fashion-mnist)

echo "== ND4J backend"
java "${java_opts[@]}" -cp "$jar" io.modelprint.benchmarks.kernel.Nd4jBackendProbe
probe=$?
if [[ $probe -eq 0 ]]; then
  echo "== kernel suite, quick rows (nd4j = ND4J on CUDA)"
  timeout 150 java "${java_opts[@]}" -cp "$jar" io.modelprint.benchmarks.kernel.KernelSuite "$log/kernels.md" --quick \
    > "$log/kernels.log" 2>&1 && cat "$log/kernels.md" || echo "kernel suite did not finish in 150 s: $log/kernels.log"
else
  echo "ND4J's CUDA build does not run here (exit $probe): no GPU kernel rows; ND4J stays on the CPU"
fi

echo "== ONNX zoo on the CPU and the GPU ($files files)"
java "${java_opts[@]}" -cp "$jar" io.modelprint.benchmarks.onnx.OnnxGpuCheck "$files"
code=$?
echo "== done in $((SECONDS - start)) s"
exit $code
