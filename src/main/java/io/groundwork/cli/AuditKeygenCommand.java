package io.groundwork.cli;

import io.groundwork.audit.SigningKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a new Ed25519 key pair for audit checkpoints: the private key file (owner read/write
 * only, created so from the start) and the public key file for verifiers.
 */
@Command(name = "keygen", description = "Write a new checkpoint signing key pair (PEM).")
public class AuditKeygenCommand implements Callable<Integer> {
  /** The private key file's name. */
  public static final String PRIVATE_FILE = "audit-signing-key.pem";
  /** The public key file's name. */
  public static final String PUBLIC_FILE = "audit-public-key.pem";

  @Option(names = "--out", required = true, description = "Directory to write the key files to.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(this.out);
    Path privateFile = this.out.resolve(PRIVATE_FILE);
    Path publicFile = this.out.resolve(PUBLIC_FILE);
    for (Path file : new Path[] {privateFile, publicFile}) {
      if (Files.exists(file)) {
        spec.commandLine().getErr().println("groundwork: " + file
            + " exists; keys are never overwritten (move it away first)");
        return 1;
      }
    }
    KeyPair pair = SigningKeys.generate();
    try {
      writePrivate(privateFile, SigningKeys.privatePem(pair));
    } catch (FileAlreadyExistsException e) {
      spec.commandLine().getErr().println("groundwork: " + privateFile + " exists");
      return 1;
    }
    Files.writeString(publicFile, SigningKeys.publicPem(pair.getPublic()), StandardCharsets.US_ASCII);
    out.println("private key: " + privateFile + " (keep it secret: groundwork.audit.signing-key-file)");
    out.println("public key:  " + publicFile + " (give it to auditors: audit verify --public-key)");
    out.println("key id:      " + SigningKeys.keyId(pair.getPublic()));
    out.flush();
    return 0;
  }

  private static void writePrivate(Path file, String pem) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, pem, StandardCharsets.US_ASCII);
  }
}
