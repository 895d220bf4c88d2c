package io.groundwork.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The deployment files of the project as text, by path relative to the project: Dockerfile,
 * .dockerignore, docker-compose.yml and every YAML file under k8s/. Immutable; {@link #replace}
 * returns a changed copy, so that tests can show that a broken file is caught.
 */
record DeploymentArtifacts(Map<String, String> files) {
  static final String DOCKERFILE = "Dockerfile";
  static final String DOCKERIGNORE = ".dockerignore";
  static final String COMPOSE = "docker-compose.yml";
  static final String K8S = "k8s";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  DeploymentArtifacts {
    files = Map.copyOf(files);
  }

  /** A YAML document of a file: its path, position in the file, and content. */
  record Document(String file, int position, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    String name() {
      return node.path("metadata").path("name").asText();
    }

    @Override
    public String toString() {
      return file + "#" + position + " (" + kind() + " " + name() + ")";
    }
  }

  /** Reads the deployment files of the project in {@code projectDir}. */
  static DeploymentArtifacts load(Path projectDir) {
    Map<String, String> files = new TreeMap<>();
    for (String name : List.of(DOCKERFILE, DOCKERIGNORE, COMPOSE)) {
      Path file = projectDir.resolve(name);
      if (Files.isRegularFile(file)) {
        files.put(name, read(file));
      }
    }
    Path k8s = projectDir.resolve(K8S);
    if (Files.isDirectory(k8s)) {
      try (Stream<Path> walk = Files.walk(k8s)) {
        for (Path file : walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
          files.put(projectDir.relativize(file).toString().replace('\\', '/'), read(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new DeploymentArtifacts(files);
  }

  /** A copy in which {@code from} is replaced by {@code to} in {@code file}; fails if absent. */
  DeploymentArtifacts replace(String file, String from, String to) {
    String text = text(file);
    if (!text.contains(from)) {
      throw new IllegalArgumentException(file + " does not contain '" + from + "'");
    }
    Map<String, String> changed = new TreeMap<>(files);
    changed.put(file, text.replace(from, to));
    return new DeploymentArtifacts(changed);
  }

  String text(String file) {
    String text = files.get(file);
    if (text == null) {
      throw new IllegalArgumentException("no file " + file);
    }
    return text;
  }

  boolean has(String file) {
    return files.containsKey(file);
  }

  /** The YAML files under k8s/. */
  List<String> kubernetesFiles() {
    return files.keySet().stream().filter(f -> f.startsWith(K8S + "/")).sorted().toList();
  }

  /** Every non-empty document of a YAML file; a syntax error is an exception naming the file. */
  List<Document> documents(String file) {
    List<Document> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text(file))) {
      int position = 0;
      while (docs.hasNext()) {
        JsonNode node = docs.next();
        position++;
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          documents.add(new Document(file, position, node));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
    }
    return documents;
  }

  /** The single document of a YAML file. */
  JsonNode single(String file) {
    List<Document> documents = documents(file);
    if (documents.size() != 1 || !(documents.getFirst().node() instanceof ObjectNode)) {
      throw new IllegalArgumentException(file + " must hold exactly one YAML mapping");
    }
    return documents.getFirst().node();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
