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
package io.modelprint.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a fingerprint file stores numbers: query pixels as one byte {@code k} per pixel (read back
 * as {@code k / 255f}) when every pixel is exactly such a value, otherwise, like scores, as
 * IEEE-754 floats in little-endian byte order. Both read back bit for bit.
 */
final class PixelCodec {

    /** The encoding names written in {@code querySet.encoding}. */
    static final String U8 = "u8";
    static final String F32LE = "f32le";

    private PixelCodec() {
    }

    static float eightBit(int k) {
        return k / 255f;
    }

    /** Whether every pixel is exactly {@code k / 255f} for some byte {@code k}. */
    static boolean isEightBit(float[] pixels) {
        for (float v : pixels) {
            int k = Math.round(v * 255f);
            if (Float.floatToRawIntBits(eightBit(k)) != Float.floatToRawIntBits(v)) {
                return false;
            }
        }
        return true;
    }

    /** One byte per pixel; only for pixels that {@link #isEightBit} accepts. */
    static byte[] toU8(float[] pixels) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) Math.round(pixels[i] * 255f);
        }
        return out;
    }

    static float[] fromU8(byte[] raw) {
        float[] px = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            px[i] = eightBit(raw[i] & 0xff);
        }
        return px;
    }

    static byte[] toLittleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static float[] fromLittleEndian(byte[] raw) {
        float[] out = new float[raw.length / Float.BYTES];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
