package org.irmer.entitlement.adapter.hl7v2.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing (Jazzer) of the MLLP frame reader: whatever the bytes, it returns typed
 * frames and ends; a message frame holds no block characters and is never larger than the limit;
 * and the frames account for every byte read.
 *
 * <p>A normal build replays the inputs under {@code FrameFuzzTestsInputs/frames/}; {@code
 * JAZZER_FUZZ=1} fuzzes for real.
 */
class FrameFuzzTests {

  private static final int LIMIT = 256;

  @FuzzTest(maxDuration = "60s")
  void frames(byte[] input) throws IOException {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(input), LIMIT, inFrame -> { });
    int frames = 0;
    while (true) {
      FrameReader.Frame frame = reader.next();
      assertThat(frames++).as("frames read").isLessThanOrEqualTo(input.length);
      if (frame.kind() == FrameReader.Kind.END) {
        break;
      }
      assertThat(frame.content().length).isLessThanOrEqualTo(
          Math.max(LIMIT, FrameReader.KEPT_OF_OVERSIZED));
      if (frame.kind() == FrameReader.Kind.MESSAGE) {
        assertThat(frame.length()).isLessThanOrEqualTo(LIMIT).isEqualTo(frame.content().length);
        for (byte b : frame.content()) {
          assertThat(b).isNotIn(FrameReader.START, FrameReader.END_BLOCK);
        }
      }
      if (frame.kind() == FrameReader.Kind.OVERSIZED) {
        assertThat(frame.length()).isGreaterThan(LIMIT);
      }
    }
  }
}
