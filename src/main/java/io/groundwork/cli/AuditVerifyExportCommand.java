package io.groundwork.cli;

import io.groundwork.audit.AuditVerification;
import io.groundwork.audit.BundleVerifier;
import io.groundwork.audit.TrustedKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Verifies an export bundle ({@code GET /api/audit/export}) offline against the public key.
 * Exit 0 when it verifies, 1 at the first failure (named), 2 when it cannot be read.
 */
@Command(name = "verify-export", description = "Verify an audit export bundle offline.")
public class AuditVerifyExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BUNDLE", description = "The export bundle (zip).")
  Path bundle;

  @Option(names = "--public-key", required = true,
      description = "Public key file (PEM); repeat for checkpoints signed by earlier keys.")
  List<Path> publicKeys;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AuditVerification result;
    try {
      result = new BundleVerifier(TrustedKeys.read(publicKeys)).verify(bundle);
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("groundwork: cannot verify " + bundle + ": "
          + e.getMessage());
      return 2;
    }
    out.println(result.summary());
    out.flush();
    return result.intact() ? 0 : 1;
  }
}
