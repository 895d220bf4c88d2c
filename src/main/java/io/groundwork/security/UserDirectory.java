package io.groundwork.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in users: names, password hashes, access groups and roles, read once from a YAML
 * file of the form {@code users: [{name, password, groups, roles}]}. Validated when loaded (unique
 * names, well-formed hashes, known roles; see {@link Roles}). Every {@link #authenticate} pays
 * the password hash; the sign-in path puts a {@link VerifiedCredentials} cache and a
 * {@link SignInThrottle} in front of it. Thread-safe.
 */
public final class UserDirectory {
  private final Map<String, UserEntry> users;
  private final PasswordHasher hasher = new PasswordHasher();

  /** One user as the file declares them. */
  public record UserEntry(String name, String password, List<String> groups, List<String> roles) {
    public UserEntry {
      groups = groups == null ? List.of() : List.copyOf(groups);
      roles = roles == null ? List.of() : List.copyOf(roles);
    }
  }

  private record UsersFile(List<UserEntry> users) {}

  private UserDirectory(Map<String, UserEntry> users) {
    this.users = users;
  }

  /** Reads a users file; {@code origin} names it in error messages. */
  public static UserDirectory load(InputStream in, String origin) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    UsersFile file;
    try {
      file = yaml.readValue(in, UsersFile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("users file " + origin + " is invalid: " + e.getMessage(), e);
    }
    if (file == null || file.users() == null || file.users().isEmpty()) {
      throw new IllegalArgumentException("users file " + origin + " defines no users");
    }
    Map<String, UserEntry> users = new LinkedHashMap<>();
    for (UserEntry user : file.users()) {
      if (user.name() == null || !user.name().matches("[A-Za-z0-9_.@-]+")) {
        throw new IllegalArgumentException("users file " + origin + ": invalid user name '"
            + user.name() + "'");
      }
      if (!PasswordHasher.isHash(user.password())) {
        throw new IllegalArgumentException("users file " + origin + ": user '" + user.name()
            + "' needs a password hash (make one with: hash-password)");
      }
      Roles.requireKnown(Set.copyOf(user.roles()), "users file " + origin + ", user '"
          + user.name() + "'");
      if (users.put(user.name(), user) != null) {
        throw new IllegalArgumentException("users file " + origin + ": user '" + user.name()
            + "' is defined twice");
      }
    }
    return new UserDirectory(Collections.unmodifiableMap(users));
  }

  /** The user named {@code name}, if there is one. */
  public Optional<Caller> find(String name) {
    UserEntry user = users.get(name);
    return user == null ? Optional.empty() : Optional.of(
        new Caller(name, Set.copyOf(user.groups()), Set.copyOf(user.roles())));
  }

  /** The user, if {@code password} is theirs. */
  public Optional<Caller> authenticate(String name, char[] password) {
    UserEntry user = users.get(name);
    if (user == null) {
      return Optional.empty();
    }
    return hasher.matches(password, user.password()) ? find(name) : Optional.empty();
  }

  /** The stored password hash of {@code name}, if there is such a user. */
  public Optional<String> passwordHash(String name) {
    UserEntry user = users.get(name);
    return user == null ? Optional.empty() : Optional.of(user.password());
  }

  /** The user names, in the order the file lists them. */
  public Set<String> names() {
    return users.keySet();
  }
}
