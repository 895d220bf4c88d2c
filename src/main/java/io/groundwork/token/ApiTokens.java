package io.groundwork.token;

import io.groundwork.core.Hashes;
import io.groundwork.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes, lists, revokes and checks personal API tokens. A token is {@value #PREFIX} followed by
 * 256 random bits (base64url); only its SHA-256 is stored, so the database cannot give a token
 * back (a random 256-bit secret needs no slow hash). A token acts with the groups and roles its
 * owner had when it was made. Thread-safe.
 */
@ApplicationScoped
public class ApiTokens {
  /** Every personal token starts with this, so that a leaked one is recognisable. */
  public static final String PREFIX = "gwp_";
  private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._:/()@+-]{1,100}");
  /** Last use is written at most this often per token, to keep reads cheap. */
  private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

  private final EntityManager em;
  private final TokenConfig config;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(EntityManager em, TokenConfig config) {
    this.em = em;
    this.config = config;
  }

  /** A token just made: the only time its secret is shown. */
  public record Issued(ApiTokenEntity token, String secret) {}

  /**
   * Makes a token for {@code owner}.
   *
   * @param expiresInDays its life in days, or null for the configured default
   * @throws IllegalArgumentException for a bad name or life, or when the owner holds too many
   */
  @Transactional
  public Issued create(Caller owner, String name, Integer expiresInDays) {
    if (name == null || !NAME.matcher(name.strip()).matches()) {
      throw new IllegalArgumentException("name must be 1 to 100 letters, digits, spaces or"
          + " ._:/()@+- characters");
    }
    int days = expiresInDays == null ? config.defaultExpiresInDays() : expiresInDays;
    if (days < 1 || days > config.maxExpiresInDays()) {
      throw new IllegalArgumentException("expiresInDays must be between 1 and "
          + config.maxExpiresInDays() + ", got " + days);
    }
    OffsetDateTime now = now();
    long active = em.createQuery("select count(t) from ApiTokenEntity t where t.owner = :owner"
            + " and t.revokedAt is null and t.expiresAt > :now", Long.class)
        .setParameter("owner", owner.name()).setParameter("now", now).getSingleResult();
    if (active >= config.maxPerUser()) {
      throw new IllegalArgumentException("you already hold " + active + " active tokens (the"
          + " most allowed); revoke one first");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiTokenEntity token = new ApiTokenEntity();
    token.id = UUID.randomUUID().toString();
    token.owner = owner.name();
    token.name = name.strip();
    token.tokenHash = Hashes.sha256(secret);
    token.ownerGroups = String.join(",", owner.groups().stream().sorted().toList());
    token.ownerRoles = String.join(",", owner.roles().stream().sorted().toList());
    token.createdAt = now;
    token.expiresAt = now.plusDays(days);
    em.persist(token);
    return new Issued(token, secret);
  }

  /** The owner's tokens, newest first, revoked and expired ones included. */
  @Transactional
  public List<ApiTokenEntity> list(String owner) {
    return em.createQuery("from ApiTokenEntity t where t.owner = :owner order by t.createdAt desc,"
            + " t.id", ApiTokenEntity.class)
        .setParameter("owner", owner).getResultList();
  }

  /** Revokes the owner's token {@code id}; empty when they have no such token. */
  @Transactional
  public Optional<ApiTokenEntity> revoke(String owner, String id) {
    ApiTokenEntity token = em.find(ApiTokenEntity.class, id);
    if (token == null || !token.owner.equals(owner)) {
      return Optional.empty();
    }
    if (token.revokedAt == null) {
      token.revokedAt = now();
    }
    return Optional.of(token);
  }

  /** The token's identity, if {@code secret} is a live token: not revoked, not expired. */
  @Transactional
  public Optional<Authenticated> authenticate(String secret) {
    if (secret == null || !SHAPE.matcher(secret).matches()) {
      return Optional.empty();
    }
    List<ApiTokenEntity> found = em.createQuery(
            "from ApiTokenEntity t where t.tokenHash = :hash", ApiTokenEntity.class)
        .setParameter("hash", Hashes.sha256(secret)).getResultList();
    OffsetDateTime now = now();
    if (found.isEmpty() || found.get(0).revokedAt != null || !found.get(0).expiresAt.isAfter(now)) {
      return Optional.empty();
    }
    ApiTokenEntity token = found.get(0);
    if (token.lastUsedAt == null || token.lastUsedAt.plus(LAST_USE_RESOLUTION).isBefore(now)) {
      token.lastUsedAt = now;
    }
    return Optional.of(new Authenticated(token.id, new Caller(token.owner, split(token.ownerGroups),
        split(token.ownerRoles))));
  }

  /** A caller signed in by a token. */
  public record Authenticated(String tokenId, Caller caller) {}

  private static Set<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
