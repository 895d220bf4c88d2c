package io.groundwork.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The directory that holds this instance's Lucene index and embedded database
 * ({@code groundwork.data-dir}, environment {@code GROUNDWORK_DATA_DIR}, default {@code data}).
 */
@ApplicationScoped
public class DataDirectory {
  private final Path path;

  public DataDirectory(@ConfigProperty(name = "groundwork.data-dir") Path path) {
    this.path = path.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + this.path, e);
    }
  }

  public Path path() {
    return path;
  }

  public Path indexPath() {
    return path.resolve("index");
  }
}
