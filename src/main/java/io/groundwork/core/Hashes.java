package io.groundwork.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for stable ids and content hashes. */
public final class Hashes {
  private Hashes() {}

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The stable id of the document at {@code path} in source {@code sourceName}. */
  public static String documentId(String sourceName, String path) {
    return sha256(sourceName + ":" + path).substring(0, 24);
  }

  /** The stable id of a chunk: its document, position and content. */
  public static String chunkId(String documentId, int ordinal, String text) {
    return documentId + "-" + ordinal + "-" + sha256(text).substring(0, 10);
  }
}
