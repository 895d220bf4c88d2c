package io.groundwork.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP probe paths of the groundwork container in a Deployment manifest, for tests that call them. */
public final class KubernetesProbes {
  private KubernetesProbes() {}

  /** Probe kind (readinessProbe, livenessProbe, startupProbe) to its httpGet path. */
  public static Map<String, String> ofDeployment(Path manifest) {
    Map<String, String> probes = new LinkedHashMap<>();
    for (JsonNode container : pod(manifest).path("spec").path("containers")) {
      if (!container.path("image").asText().startsWith("groundwork")) {
        continue;
      }
      for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
        JsonNode path = container.path(probe).path("httpGet").path("path");
        if (path.isTextual()) {
          probes.put(probe, path.asText());
        }
      }
    }
    return probes;
  }

  /** The pod template's prometheus.io/path annotation. */
  public static String prometheusPath(Path manifest) {
    return pod(manifest).path("metadata").path("annotations").path("prometheus.io/path").asText();
  }

  private static JsonNode pod(Path manifest) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(manifest.toFile())
          .path("spec").path("template");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
