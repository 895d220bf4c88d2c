package io.groundwork.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Dockerfile and .dockerignore (see {@link DeploymentChecker} for what is checked). */
final class DockerfileChecks extends DeploymentChecks {
  DockerfileChecks(AppConfiguration app, Path projectDir, List<String> problems) {
    super(app, projectDir, problems);
  }

  /** An instruction of a Dockerfile with its stage (0-based). */
  record Instruction(int stage, String keyword, String arguments) {}

  /** What later checks need from the Dockerfile. */
  record Dockerfile(List<Instruction> instructions, String workdir, Map<String, String> copies,
      Map<String, String> environment, Optional<Integer> uid) {
    /** The project file a path inside the image was copied from, if any. */
    Optional<String> sourceOf(String containerPath) {
      String absolute = containerPath.startsWith("/") ? containerPath : workdir + "/" + containerPath;
      absolute = Path.of(absolute).normalize().toString();
      for (Map.Entry<String, String> copy : copies.entrySet()) {
        String destination = copy.getKey();
        if (absolute.equals(destination) || absolute.startsWith(destination + "/")) {
          String rest = absolute.substring(destination.length());
          return Optional.of(copy.getValue() + rest);
        }
      }
      return Optional.empty();
    }
  }

  static List<Instruction> parseDockerfile(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int stage = -1;
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String full = current.toString().strip();
      current.setLength(0);
      if (full.isEmpty()) {
        continue;
      }
      int space = full.indexOf(' ');
      String keyword = (space < 0 ? full : full.substring(0, space)).toUpperCase();
      String arguments = space < 0 ? "" : full.substring(space + 1).strip();
      if (keyword.equals("FROM")) {
        stage++;
      }
      instructions.add(new Instruction(stage, keyword, arguments));
    }
    return instructions;
  }

  Dockerfile check(DeploymentArtifacts artifacts) {
    String file = DeploymentArtifacts.DOCKERFILE;
    List<Instruction> instructions = parseDockerfile(artifacts.text(file));
    List<Instruction> froms = instructions.stream().filter(i -> i.keyword().equals("FROM")).toList();
    int last = froms.size() - 1;
    if (froms.size() < 2) {
      problems.add(file + ": needs a build stage and a run stage (multi-stage build)");
    } else {
      checkBaseImage(file, froms.getFirst().arguments(), "jdk");
      checkBaseImage(file, froms.get(last).arguments(), "jre");
    }
    Predicate<Instruction> inFinal = i -> i.stage() == last;
    String buildStage = froms.isEmpty() ? "" : stageName(froms.getFirst().arguments());
    if (instructions.stream().noneMatch(i -> i.stage() == 0 && i.keyword().equals("RUN")
        && i.arguments().contains("mvnw") && i.arguments().contains("package"))) {
      problems.add(file + ": the build stage must run ./mvnw ... package");
    }

    String workdir = "/";
    Map<String, String> copies = new LinkedHashMap<>();
    Map<String, String> environment = new LinkedHashMap<>();
    Set<String> volumes = new LinkedHashSet<>();
    Optional<Integer> uid = Optional.empty();
    List<String> exposed = new ArrayList<>();
    String entrypoint = null;
    String healthcheck = null;
    for (Instruction instruction : instructions) {
      String args = instruction.arguments();
      if (instruction.keyword().equals("COPY")) {
        List<String> words = new ArrayList<>(List.of(args.split("\\s+")));
        String from = null;
        for (Iterator<String> it = words.iterator(); it.hasNext(); ) {
          String word = it.next();
          if (word.startsWith("--")) {
            if (word.startsWith("--from=")) {
              from = word.substring("--from=".length());
            }
            it.remove();
          }
        }
        String destination = words.getLast();
        for (String source : words.subList(0, words.size() - 1)) {
          if (from == null) {
            checkNotIgnored(artifacts, source);
          }
          if (inFinal.test(instruction)) {
            String absolute = Path.of(destination.startsWith("/") ? destination
                : workdir + "/" + destination).normalize().toString();
            String origin = from == null ? trimSlash(source) : from + ":" + trimSlash(source);
            copies.put(absolute, origin);
          }
        }
        if (inFinal.test(instruction) && from != null && !from.equals(buildStage)) {
          problems.add(file + ": the run stage copies from '" + from + "', not the build stage '"
              + buildStage + "'");
        }
      }
      if (!inFinal.test(instruction)) {
        continue;
      }
      switch (instruction.keyword()) {
        case "WORKDIR" -> workdir = Path.of(args.startsWith("/") ? args : workdir + "/" + args)
            .normalize().toString();
        case "ENV" -> environment.putAll(parseEnv(args));
        case "VOLUME" -> volumes.addAll(jsonOrWords(args));
        case "EXPOSE" -> exposed.addAll(List.of(args.split("\\s+")));
        case "ENTRYPOINT" -> entrypoint = args;
        case "HEALTHCHECK" -> healthcheck = args;
        case "USER" -> uid = parseUid(file, args);
        default -> { }
      }
    }
    int port = app.httpPort();
    if (!exposed.equals(List.of(String.valueOf(port)))
        && !exposed.equals(List.of(port + "/tcp"))) {
      problems.add(file + ": EXPOSE " + exposed + " must be the HTTP port " + port
          + " (quarkus.http.port)");
    }
    if (uid.isEmpty()) {
      problems.add(file + ": the run stage must switch to a non-root numeric USER");
    }
    if (healthcheck == null) {
      problems.add(file + ": no HEALTHCHECK");
    } else {
      checkLocalUrl(file + " HEALTHCHECK", healthcheck, Set.of(app.healthPath("ready"),
          app.healthPath("live")));
    }
    checkEntrypoint(file, entrypoint, copies);
    for (String name : environment.keySet()) {
      checkAppVariable(file + " ENV", name);
    }
    String dataDir = environment.get("GROUNDWORK_DATA_DIR");
    if (dataDir == null || !volumes.contains(dataDir)) {
      problems.add(file + ": GROUNDWORK_DATA_DIR must be set and be a VOLUME, got " + dataDir
          + " and " + volumes);
    }
    Dockerfile docker = new Dockerfile(instructions, workdir, copies, environment, uid);
    checkInImage(file, docker, app.defaultOf("groundwork.ingest.pipeline-file"), true);
    checkInImage(file, docker, app.defaultOf("groundwork.answer.prompts-dir"), false);
    return docker;
  }

  private void checkBaseImage(String file, String from, String flavour) {
    String image = from.split("\\s+")[0];
    Matcher matcher = Pattern.compile("eclipse-temurin:(\\d+)-" + flavour + "\\b.*").matcher(image);
    if (!matcher.matches()) {
      problems.add(file + ": stage image " + image + " must be eclipse-temurin:<version>-" + flavour);
    } else if (Integer.parseInt(matcher.group(1)) < 21) {
      problems.add(file + ": " + image + " is older than the JDK 21 the build requires");
    }
  }

  private static String stageName(String from) {
    String[] words = from.split("\\s+");
    return words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "0";
  }

  private void checkEntrypoint(String file, String entrypoint, Map<String, String> copies) {
    if (entrypoint == null || !entrypoint.startsWith("[")) {
      problems.add(file + ": ENTRYPOINT must be in exec form (a JSON array)");
      return;
    }
    List<String> words = jsonOrWords(entrypoint);
    int jar = words.indexOf("-jar");
    if (jar < 0 || jar + 1 >= words.size()) {
      problems.add(file + ": ENTRYPOINT must start the fast-jar with -jar");
    } else {
      String runJar = Path.of(words.get(jar + 1)).normalize().toString();
      String fastJar = copies.entrySet().stream()
          .filter(c -> c.getValue().endsWith(":/build/target/quarkus-app")
              || c.getValue().endsWith("target/quarkus-app"))
          .map(Map.Entry::getKey).findFirst().orElse(null);
      if (fastJar == null) {
        problems.add(file + ": the run stage does not copy target/quarkus-app from the build");
      } else if (!runJar.equals(fastJar + "/quarkus-run.jar")) {
        problems.add(file + ": ENTRYPOINT runs " + runJar + " but the fast-jar is copied to "
            + fastJar);
      }
    }
    String jvmArgs = pomProperty("groundwork.jvm.args");
    List<String> flags = List.of(jvmArgs.strip().split("\\s+"));
    String joined = String.join(" ", words);
    if (!joined.contains(String.join(" ", flags.subList(0, Math.min(2, flags.size()))))) {
      problems.add(file + ": ENTRYPOINT lacks the JVM flags '" + jvmArgs + "' of the POM");
    }
    for (String flag : flags) {
      if (!words.contains(flag)) {
        problems.add(file + ": ENTRYPOINT lacks the JVM flag " + flag + " (pom groundwork.jvm.args)");
      }
    }
  }

  private void checkInImage(String file, Dockerfile docker, String path, boolean regularFile) {
    Optional<String> source = docker.sourceOf(path);
    if (source.isEmpty() || source.get().contains(":")) {
      problems.add(file + ": " + path + " (relative to WORKDIR " + docker.workdir()
          + ") is not copied into the image");
      return;
    }
    Path inProject = projectDir.resolve(source.get());
    if (regularFile ? !Files.isRegularFile(inProject) : !Files.isDirectory(inProject)) {
      problems.add(file + ": " + path + " comes from " + source.get() + ", which does not exist");
    }
  }

  private void checkNotIgnored(DeploymentArtifacts artifacts, String source) {
    String path = trimSlash(source);
    for (String raw : artifacts.text(DeploymentArtifacts.DOCKERIGNORE).split("\n")) {
      String pattern = raw.strip();
      if (pattern.isEmpty() || pattern.startsWith("#") || pattern.startsWith("!")) {
        continue;
      }
      pattern = trimSlash(pattern);
      boolean ignored = path.equals(pattern) || path.startsWith(pattern + "/")
          || FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(path));
      if (ignored) {
        problems.add(DeploymentArtifacts.DOCKERIGNORE + ": excludes " + source
            + ", which the Dockerfile copies");
      }
    }
    if (!Files.exists(projectDir.resolve(path))) {
      problems.add(DeploymentArtifacts.DOCKERFILE + ": copies " + source + ", which does not exist");
    }
  }

  private Optional<Integer> parseUid(String file, String user) {
    String name = user.split(":")[0];
    if (!name.matches("\\d+")) {
      problems.add(file + ": USER " + user + " must be numeric so that Kubernetes can verify"
          + " runAsNonRoot");
      return Optional.empty();
    }
    int uid = Integer.parseInt(name);
    if (uid == 0) {
      problems.add(file + ": USER must not be root");
      return Optional.empty();
    }
    return Optional.of(uid);
  }

  private static Map<String, String> parseEnv(String args) {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(args);
    boolean any = false;
    while (pair.find()) {
      any = true;
      String value = pair.group(2);
      env.put(pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
    }
    if (!any) {
      String[] legacy = args.split("\\s+", 2);
      env.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
    }
    return env;
  }

  private static List<String> jsonOrWords(String args) {
    if (args.startsWith("[")) {
      try {
        return List.of(new ObjectMapper().readValue(args, String[].class));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("not a JSON array: " + args, e);
      }
    }
    return List.of(args.split("\\s+"));
  }

  private String pomProperty(String name) {
    try {
      String pom = Files.readString(projectDir.resolve("pom.xml"));
      Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(pom);
      if (!matcher.find()) {
        throw new IllegalStateException("pom.xml has no property " + name);
      }
      return matcher.group(1);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

}
