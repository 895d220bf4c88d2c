package io.groundwork.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CDI wiring of the users file. */
@ApplicationScoped
public class UserDirectoryProducer {
  @Produces
  @Singleton
  UserDirectory users(SecurityConfig config) {
    if (config.usersFile().isPresent()) {
      Path file = Path.of(config.usersFile().get());
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("users file " + file + " does not exist");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return UserDirectory.load(in, file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read users file " + file, e);
      }
    }
    try (InputStream in = UserDirectoryProducer.class.getClassLoader()
        .getResourceAsStream("users.yaml")) {
      if (in == null) {
        throw new IllegalStateException("users.yaml is missing from the class path");
      }
      return UserDirectory.load(in, "classpath:users.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in users file", e);
    }
  }
}
