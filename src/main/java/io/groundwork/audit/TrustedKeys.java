package io.groundwork.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The public keys whose checkpoints a verifier trusts, by key id. Immutable and thread-safe. */
public final class TrustedKeys {
  private static final TrustedKeys NONE = new TrustedKeys(Map.of());
  private final Map<String, PublicKey> keys;

  private TrustedKeys(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** No key: the trail is verified unsigned (chain and head only). */
  public static TrustedKeys none() {
    return NONE;
  }

  public static TrustedKeys of(PublicKey... keys) {
    Map<String, PublicKey> byId = new LinkedHashMap<>();
    for (PublicKey key : keys) {
      byId.put(SigningKeys.keyId(key), key);
    }
    return new TrustedKeys(byId);
  }

  /** Reads public key files (PEM); see {@link SigningKeys#readPublicKey}. */
  public static TrustedKeys read(Collection<Path> files) {
    return of(files.stream().map(SigningKeys::readPublicKey).toArray(PublicKey[]::new));
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  public Set<String> keyIds() {
    return keys.keySet();
  }

  public boolean knows(String keyId) {
    return keys.containsKey(keyId);
  }

  /** True when {@code checkpoint} is signed by the trusted key it names. */
  public boolean signatureValid(Checkpoint checkpoint) {
    PublicKey key = keys.get(checkpoint.keyId());
    return key != null && SigningKeys.verify(key,
        checkpoint.statement().getBytes(StandardCharsets.UTF_8), checkpoint.signatureBytes());
  }
}
