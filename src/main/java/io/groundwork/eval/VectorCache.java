package io.groundwork.eval;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Passage vectors of one embedding model kept in a file of the evaluation data directory, keyed
 * by the SHA-256 of the exact text embedded, so that rebuilding an evaluation index with another
 * analyzer or chunk budget re-embeds only passages never embedded before. Append-only records of
 * {@code [32-byte key][dimension floats]}; a truncated last record (an interrupted run) is
 * ignored. Not thread-safe.
 */
final class VectorCache {
  private final Path file;
  private final int dimension;
  private final Map<String, float[]> vectors = new HashMap<>();

  VectorCache(Path file, int dimension) {
    this.file = file;
    this.dimension = dimension;
    if (Files.exists(file)) {
      load();
    }
  }

  int size() {
    return vectors.size();
  }

  float[] get(String text) {
    return vectors.get(key(text));
  }

  void putAll(List<String> texts, List<float[]> newVectors) {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
      for (int i = 0; i < texts.size(); i++) {
        String key = key(texts.get(i));
        float[] vector = newVectors.get(i);
        if (vector.length != dimension) {
          throw new IllegalArgumentException("vector of dimension " + vector.length
              + ", expected " + dimension);
        }
        if (vectors.putIfAbsent(key, vector) == null) {
          out.write(HexFormat.of().parseHex(key));
          for (float v : vector) {
            out.writeFloat(v);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write vector cache " + file, e);
    }
  }

  private void load() {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      byte[] key = new byte[32];
      while (true) {
        float[] vector = new float[dimension];
        try {
          in.readFully(key);
          for (int i = 0; i < dimension; i++) {
            vector[i] = in.readFloat();
          }
        } catch (EOFException e) {
          return;
        }
        vectors.put(HexFormat.of().formatHex(key), vector);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read vector cache " + file, e);
    }
  }

  private static String key(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
