package io.groundwork.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Writes an {@link IndexedChunk} as one byte string and reads it back, for the binary doc value
 * that lets a search read its top-k chunks without decompressing stored fields: stored fields
 * are compressed in blocks, so reading one chunk at random decompresses kilobytes of its
 * neighbours, while a doc value is read in place. Format: a version byte, then the string fields
 * and the offsets in declaration order, then the groups. Stateless.
 */
final class ChunkCodec {
  private static final byte VERSION = 1;

  private ChunkCodec() {}

  static BytesRef encode(IndexedChunk chunk) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeByte(VERSION);
      out.writeString(chunk.chunkId());
      out.writeString(chunk.documentId());
      out.writeString(chunk.sourceName());
      out.writeString(chunk.path());
      out.writeString(chunk.title());
      out.writeString(chunk.headingPath());
      out.writeString(chunk.text());
      out.writeVInt(chunk.start());
      out.writeVInt(chunk.end());
      out.writeVInt(chunk.page());
      String[] groups = chunk.groups().toArray(String[]::new);
      Arrays.sort(groups); // the same chunk always encodes to the same bytes
      out.writeVInt(groups.length);
      for (String group : groups) {
        out.writeString(group);
      }
    } catch (IOException e) {
      throw new IllegalStateException("in-memory output cannot fail", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  /**
   * @throws IllegalStateException when the bytes were written by an unknown format version
   */
  static IndexedChunk decode(BytesRef bytes) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    try {
      return read(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read a chunk record: " + e.getMessage(), e);
    }
  }

  private static IndexedChunk read(ByteArrayDataInput in) throws IOException {
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("unknown chunk record version " + version
          + "; this index was written by a newer Groundwork");
    }
    String id = in.readString();
    String documentId = in.readString();
    String source = in.readString();
    String path = in.readString();
    String title = in.readString();
    String heading = in.readString();
    String text = in.readString();
    int start = in.readVInt();
    int end = in.readVInt();
    int page = in.readVInt();
    int groupCount = in.readVInt();
    Set<String> groups = new HashSet<>(groupCount);
    for (int i = 0; i < groupCount; i++) {
      groups.add(in.readString());
    }
    return new IndexedChunk(id, documentId, source, path, title, heading, text, start, end, page,
        groups);
  }
}
