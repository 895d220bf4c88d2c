package io.groundwork.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Named vectors of one dimension, with a simple binary file form (magic, count, dimension, then
 * each id and its floats) so that embedding a corpus once serves many benchmark runs.
 *
 * @param ids one id per vector
 * @param vectors the vectors, all of {@code dimension} floats
 */
public record VectorSet(List<String> ids, List<float[]> vectors) {
  private static final int MAGIC = 0x47575631; // "GWV1"

  public VectorSet {
    if (ids.size() != vectors.size()) {
      throw new IllegalArgumentException(ids.size() + " ids but " + vectors.size() + " vectors");
    }
    ids = List.copyOf(ids);
    vectors = List.copyOf(vectors);
  }

  public int size() {
    return ids.size();
  }

  public int dimension() {
    return vectors.isEmpty() ? 0 : vectors.get(0).length;
  }

  /** Writes the set to {@code file} atomically (a temporary file, then a rename). */
  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "vectors", ".tmp");
      try (DataOutputStream out = new DataOutputStream(
          new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(size());
        out.writeInt(dimension());
        for (int i = 0; i < size(); i++) {
          out.writeUTF(ids.get(i));
          for (float v : vectors.get(i)) {
            out.writeFloat(v);
          }
        }
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write vectors to " + file, e);
    }
  }

  /** Reads a set written by {@link #write}. */
  public static VectorSet read(Path file) {
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException(file + " is not a vector file");
      }
      int count = in.readInt();
      int dimension = in.readInt();
      List<String> ids = new ArrayList<>(count);
      List<float[]> vectors = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ids.add(in.readUTF());
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
          v[d] = in.readFloat();
        }
        vectors.add(v);
      }
      return new VectorSet(ids, vectors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vectors from " + file, e);
    }
  }
}
