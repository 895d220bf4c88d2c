package io.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {
  @Test
  void aChunkReadsBackEqualWithEveryField() {
    IndexedChunk chunk = new IndexedChunk("c-7", "d", "handbook", "hr/leave.pdf", "Leave \u00e9t\u00e9",
        "Benefits > Leave", "Twenty weeks \u2014 paid.\nSecond line.", 120, 4711, 3,
        Set.of("hr", "everyone", "managers"));
    assertThat(ChunkCodec.decode(ChunkCodec.encode(chunk))).isEqualTo(chunk);
    // Groups are written sorted: equal chunks give equal bytes whatever the set's order.
    assertThat(ChunkCodec.encode(chunk)).isEqualTo(ChunkCodec.encode(new IndexedChunk("c-7", "d",
        "handbook", "hr/leave.pdf", "Leave \u00e9t\u00e9", "Benefits > Leave",
        "Twenty weeks \u2014 paid.\nSecond line.", 120, 4711, 3, Set.of("managers", "hr", "everyone"))));
  }

  @Test
  void bytesOfAnUnknownVersionAreRefused() {
    BytesRef bytes = ChunkCodec.encode(new IndexedChunk("c", "d", "s", "p", "t", "", "x", 0, 1, 0,
        Set.of("everyone")));
    bytes.bytes[bytes.offset] = 9;
    assertThatThrownBy(() -> ChunkCodec.decode(bytes)).isInstanceOf(IllegalStateException.class)
        .hasMessage("unknown chunk record version 9; this index was written by a newer Groundwork");
  }
}
