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
  void malformedHashNeverMatches() {
    PasswordHasher hasher = new PasswordHasher();
    assertThat(hasher.matches("x".toCharArray(), "pbkdf2-sha256$1$!!$!!")).isFalse();
    assertThat(hasher.matches("x".toCharArray(), "plain")).isFalse();
  }
}
