package io.groundwork.cli;

import io.groundwork.audit.AuditVerification;
import io.groundwork.audit.CheckpointLog;
import io.groundwork.audit.TrailVerifier;
import io.groundwork.audit.TrustedKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Verifies an audit trail without the server: reads the database directly (the embedded H2
 * database under a data directory, or PostgreSQL), checks every record from the genesis hash,
 * every checkpoint's signature against the given public keys, and the chain against every
 * checkpoint in the database and in the checkpoint logs. Exit 0 when all agree, 1 at the first
 * failure (named), 2 when the inputs cannot be read.
 */
@Command(name = "verify", description = "Verify the audit trail offline against signed checkpoints.")
public class AuditVerifyCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Store store;

  /** Where the records are. */
  static class Store {
    @Option(names = "--data-dir", description = "Data directory of the embedded store (H2 under db/).")
    Path dataDir;

    @Option(names = "--db-url", description = "PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db).")
    String dbUrl;
  }

  @Option(names = "--db-user", defaultValue = "groundwork", description = "Database user.")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "", description = "Database password.")
  String dbPassword;

  @Option(names = "--public-key", required = true,
      description = "Public key file (PEM); repeat for checkpoints signed by earlier keys.")
  List<Path> publicKeys;

  @Option(names = "--checkpoints", required = true,
      description = "Directory of checkpoint logs (*.jsonl, searched recursively): the witness copy.")
  Path checkpoints;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AuditVerification result;
    try (Connection connection = connect()) {
      TrustedKeys keys = TrustedKeys.read(publicKeys);
      result = new TrailVerifier(keys, true).verify(connection,
          CheckpointLog.readDirectory(checkpoints));
    } catch (IllegalArgumentException | SQLException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("groundwork: " + e.getMessage());
      return 2;
    }
    out.println(result.summary());
    out.flush();
    return result.intact() ? 0 : 1;
  }

  private Connection connect() throws SQLException {
    if (store.dbUrl != null) {
      if (!store.dbUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("--db-url must be a PostgreSQL JDBC URL"
            + " (jdbc:postgresql://host:port/database), got " + store.dbUrl);
      }
      return DriverManager.getConnection(store.dbUrl, dbUser, dbPassword);
    }
    Path db = store.dataDir.toAbsolutePath().normalize().resolve("db").resolve("groundwork");
    if (!Files.exists(Path.of(db + ".mv.db"))) {
      throw new IllegalArgumentException("no embedded database under " + store.dataDir
          + " (expected " + db + ".mv.db)");
    }
    // AUTO_SERVER: a running server may hold the file; IFEXISTS: never create an empty one.
    return DriverManager.getConnection("jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE",
        dbUser, dbPassword);
  }
}
