package io.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
  private static UserDirectory load(String yaml) {
    return UserDirectory.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void authenticatesWithTheRightPasswordOnly() {
    String hash = new PasswordHasher().hash("correct horse".toCharArray());
    UserDirectory users = load("users:\n  - name: ann\n    password: \"" + hash + "\"\n    groups: [hr]\n");
    assertThat(users.authenticate("ann", "correct horse".toCharArray()))
        .hasValueSatisfying(c -> assertThat(c.groups()).containsExactlyInAnyOrder("hr", "everyone"));
    assertThat(users.authenticate("ann", "correct horse".toCharArray())).isPresent();
    assertThat(users.authenticate("ann", "wrong".toCharArray())).isEmpty();
    assertThat(users.authenticate("nobody", "correct horse".toCharArray())).isEmpty();
  }

  @Test
  void rejectsPlainPasswordsAndDuplicates() {
    assertThatThrownBy(() -> load("users:\n  - name: ann\n    password: secret\n"))
        .hasMessage("users file test: user 'ann' needs a password hash (make one with: hash-password)");
    String hash = new PasswordHasher().hash("x".toCharArray());
    assertThatThrownBy(() -> load("users:\n  - {name: a, password: \"" + hash + "\"}\n"
        + "  - {name: a, password: \"" + hash + "\"}\n"))
        .hasMessage("users file test: user 'a' is defined twice");
    assertThatThrownBy(() -> load("users: []\n")).hasMessage("users file test defines no users");
  }

  @Test
  void rolesAreSeparateFromGroupsAndEveryoneIsAnEmployee() {
    String hash = new PasswordHasher().hash("pw".toCharArray());
    UserDirectory users = load("users:\n  - name: ann\n    password: \"" + hash + "\"\n"
        + "    groups: [support]\n    roles: [agent]\n  - name: ben\n    password: \"" + hash
        + "\"\n");
    Caller ann = users.find("ann").orElseThrow();
    assertThat(ann.roles()).containsExactlyInAnyOrder("employee", "agent");
    assertThat(ann.groups()).containsExactlyInAnyOrder("support", "everyone");
    assertThat(users.find("ben").orElseThrow().roles()).containsExactly("employee");
  }

  @Test
  void rejectsUnknownRoles() {
    String hash = new PasswordHasher().hash("pw".toCharArray());
    assertThatThrownBy(() -> load("users:\n  - name: ann\n    password: \"" + hash + "\"\n"
        + "    roles: [agent, superuser]\n"))
        .hasMessage("users file test, user 'ann': unknown role 'superuser'; known roles:"
            + " employee, agent, auditor, admin");
  }

  @Test
  void demoUsersSignInWithTheirDocumentedPasswordsGroupsAndRoles() throws Exception {
    UserDirectory users;
    try (var in = UserDirectory.class.getResourceAsStream("/users.yaml")) {
      users = UserDirectory.load(in, "users.yaml");
    }
    assertThat(users.names()).containsExactly("alice", "bob", "carol", "dave", "erin", "sam");
    Caller sam = users.authenticate("sam", "sam-pass".toCharArray()).orElseThrow();
    assertThat(sam.groups()).containsExactlyInAnyOrder("support", "everyone");
    assertThat(sam.roles()).containsExactlyInAnyOrder("employee", "agent");
    Caller erin = users.authenticate("erin", "erin-pass".toCharArray()).orElseThrow();
    assertThat(erin.groups()).containsExactly("everyone");
    assertThat(erin.roles()).containsExactlyInAnyOrder("employee", "auditor", "admin");
    assertThat(users.find("alice").orElseThrow().roles()).containsExactly("employee");
  }

  @Test
  void malformedHashNeverMatches() {
    PasswordHasher hasher = new PasswordHasher();
    assertThat(hasher.matches("x".toCharArray(), "pbkdf2-sha256$1$!!$!!")).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "plain")).isFalse();
  }
}
