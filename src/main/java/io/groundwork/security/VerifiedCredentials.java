package io.groundwork.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Passwords verified recently, so that a signed-in client's every request does not pay the
 * password hash again. Holds, per user name, a SHA-256 of a per-process random key, the user's
 * stored hash and the password (never the password itself), for {@code ttl} after it was
 * verified; at most {@code maxEntries}, least recently used forgotten first. Only a password that
 * matched is remembered, so a wrong one always goes to the full check (after the sign-in
 * throttle). Thread-safe.
 */
public final class VerifiedCredentials {
  private record Remembered(byte[] digest, long expiresAt) {}

  private final long ttl;
  private final LongSupplier nanoTime;
  private final byte[] key = new byte[32];
  private final Map<String, Remembered> entries;

  public VerifiedCredentials(Duration ttl, int maxEntries, LongSupplier nanoTime) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("cache ttl must not be negative, got " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("cache size must be at least 1, got " + maxEntries);
    }
    this.ttl = ttl.toNanos();
    this.nanoTime = nanoTime;
    new SecureRandom().nextBytes(key);
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** Whether {@code password} was verified for {@code user} (with {@code storedHash}) within the ttl. */
  public synchronized boolean contains(String user, String storedHash, char[] password) {
    Remembered entry = entries.get(user);
    if (entry == null) {
      return false;
    }
    if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(user);
      return false;
    }
    return MessageDigest.isEqual(entry.digest(), digest(user, storedHash, password));
  }

  /** Remembers that {@code password} is {@code user}'s. */
  public synchronized void remember(String user, String storedHash, char[] password) {
    if (ttl > 0) {
      entries.put(user, new Remembered(digest(user, storedHash, password), nanoTime.getAsLong() + ttl));
    }
  }

  /** Entries held now, expired ones included until they are next looked up. */
  public synchronized int size() {
    return entries.size();
  }

  private byte[] digest(String user, String storedHash, char[] password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(key);
      sha.update((user + "\u0000" + storedHash + "\u0000").getBytes(StandardCharsets.UTF_8));
      sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
