package io.groundwork.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/** Signs checkpoints with one Ed25519 key pair. Immutable and thread-safe. */
public final class CheckpointSigner {
  private final KeyPair keys;
  private final String keyId;

  public CheckpointSigner(KeyPair keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
    if (!SigningKeys.ALGORITHM.equalsIgnoreCase(keys.getPrivate().getAlgorithm())
        && !"EdDSA".equalsIgnoreCase(keys.getPrivate().getAlgorithm())) {
      throw new IllegalArgumentException("checkpoint keys must be Ed25519, got "
          + keys.getPrivate().getAlgorithm());
    }
    this.keyId = SigningKeys.keyId(keys.getPublic());
  }

  /** The id of the key checkpoints are signed with. */
  public String keyId() {
    return keyId;
  }

  /** The public half, for verification. */
  public TrustedKeys trustedKeys() {
    return TrustedKeys.of(keys.getPublic());
  }

  /** A signed checkpoint over these fields. */
  public Checkpoint sign(long seq, long treeSize, String headHash, Instant signedAt,
      String previousHash) {
    String statement = Checkpoint.statement(seq, treeSize, headHash, signedAt, previousHash, keyId);
    byte[] signature = SigningKeys.sign(keys.getPrivate(),
        statement.getBytes(StandardCharsets.UTF_8));
    return new Checkpoint(seq, treeSize, headHash, signedAt, previousHash, keyId,
        Base64.getEncoder().encodeToString(signature));
  }
}
