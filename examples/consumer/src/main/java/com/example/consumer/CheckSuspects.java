/*
 * Copyright 2026 The modelprint authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package com.example.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.onnx.OnnxModel;
import java.nio.file.Path;

/**
 * What a project that depends on modelprint-onnx alone does: fingerprint an ONNX victim on its
 * own data, verify a copy of it and another model, print each verdict as JSON. Exits 0 when the
 * copy is called stolen and the other model is not, 1 otherwise.
 *
 * <p>Arguments: the victim's ONNX file, the other model's ONNX file.
 */
public final class CheckSuspects {

    private CheckSuspects() {
    }

    public static void main(String[] args) throws Exception {
        LabeledImages owner = FashionMnist.load().test();
        ObjectMapper json = new ObjectMapper();
        try (OnnxModel victim = OnnxModel.load(Path.of(args[0]));
             OnnxModel copy = OnnxModel.load(Path.of(args[0]));
             OnnxModel other = OnnxModel.load(Path.of(args[1]))) {
            // no modelprint-nd4j here, so no reference training: the copy is judged on the default threshold
            FingerprintVerifier verifier = FingerprintVerifier.defaults().ownerData(owner).build();
            VictimFingerprint fp = verifier.fingerprint(victim);
            Verdict onCopy = verifier.verify(fp, copy);
            Verdict onOther = verifier.verify(fp, other);
            System.out.println(json.writeValueAsString(onCopy));
            System.out.println(json.writeValueAsString(onOther));
            boolean right = onCopy.outcome() == Verdict.Outcome.STOLEN && onOther.outcome() != Verdict.Outcome.STOLEN;
            System.out.println(right ? "consumer check passed" : "consumer check FAILED");
            System.exit(right ? 0 : 1);
        }
    }
}
