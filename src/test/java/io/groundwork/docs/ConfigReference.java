package io.groundwork.docs;

import static io.groundwork.testing.ConfigNames.join;
import static io.groundwork.testing.ConfigNames.kebab;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The configuration reference, read from the Java sources: every interface annotated
 * {@code @ConfigMapping} (found by scanning, so a new mapping is picked up), its properties with
 * the names SmallRye Config gives them (kebab case, {@code @WithName}, {@code @WithParentName},
 * nested groups, maps as {@code *}), their {@code @WithDefault}, their type and their javadoc as
 * the description; and the {@code groundwork.*} properties read outside a mapping
 * ({@code @ConfigProperty}, or by name in a config source factory). Parsed with the JDK's own
 * compiler API, so no Groundwork code runs.
 */
final class ConfigReference {
  /** One property of a mapping. */
  record Setting(String name, String type, Optional<String> defaultValue, boolean optional,
      String description, String mapping) {}

  /** One {@code @ConfigMapping} interface. */
  record Mapping(String prefix, String className, Path source, String description,
      List<Setting> settings) {}

  /** A {@code groundwork.*} property read outside the mappings, with its declared default. */
  record LooseProperty(String name, Optional<String> declaredDefault, String readBy) {}

  private static final Pattern PROPERTY_LITERAL =
      Pattern.compile("\"(groundwork(?:\\.[a-z0-9-]+)+)\"");

  private final Path projectDir;
  private final Path sourceRoot;
  private final List<Mapping> mappings = new ArrayList<>();
  private final Map<String, LooseProperty> loose = new TreeMap<>();
  /** Enums by simple name and by Outer.Inner name: their constants in lower case. */
  private final Map<String, List<String>> enums = new LinkedHashMap<>();
  /** Interfaces by simple name and by Outer.Inner name. */
  private final Map<String, TreePath> interfaces = new LinkedHashMap<>();
  private final Map<String, Integer> simpleNameCounts = new LinkedHashMap<>();
  private Trees trees;

  private ConfigReference(Path projectDir) {
    this.projectDir = projectDir.toAbsolutePath();
    this.sourceRoot = this.projectDir.resolve("src/main/java");
  }

  /** Reads every Java source under the project's {@code src/main/java}. */
  static ConfigReference read(Path projectDir) {
    ConfigReference reference = new ConfigReference(projectDir);
    reference.parse();
    return reference;
  }

  List<Mapping> mappings() {
    return mappings;
  }

  /** Every property name of every mapping. */
  Map<String, Setting> settings() {
    Map<String, Setting> all = new TreeMap<>();
    for (Mapping mapping : mappings) {
      for (Setting setting : mapping.settings()) {
        all.put(setting.name(), setting);
      }
    }
    return all;
  }

  /** {@code groundwork.*} properties read outside the mappings. */
  Map<String, LooseProperty> looseProperties() {
    return loose;
  }

  private void parse() {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("the docs tests need a JDK (javax.tools.JavaCompiler)");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sourceRoot)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> objects = fileManager.getJavaFileObjectsFromPaths(files);
      JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostic -> { },
          List.of("-proc:none"), null, objects);
      trees = Trees.instance(task);
      List<CompilationUnitTree> units = new ArrayList<>();
      task.parse().forEach(units::add);
      for (CompilationUnitTree unit : units) {
        indexTypes(unit);
      }
      for (CompilationUnitTree unit : units) {
        findMappingsAndProperties(unit);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mappings.sort(Comparator.comparing(Mapping::prefix));
    Map<String, Setting> mapped = settings();
    loose.keySet().removeIf(mapped::containsKey);
  }

  private void indexTypes(CompilationUnitTree unit) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        TreePath path = getCurrentPath();
        String nested = nestedName(path);
        String simple = node.getSimpleName().toString();
        simpleNameCounts.merge(simple, 1, Integer::sum);
        if (node.getKind() == Tree.Kind.ENUM) {
          List<String> constants = new ArrayList<>();
          for (Tree member : node.getMembers()) {
            if (member instanceof VariableTree variable
                && variable.getInitializer() instanceof NewClassTree init
                && init.getIdentifier().toString().equals(simple)) {
              constants.add(variable.getName().toString().toLowerCase(Locale.ROOT));
            }
          }
          enums.put(nested, constants);
          enums.putIfAbsent(simple, constants);
        } else if (node.getKind() == Tree.Kind.INTERFACE) {
          interfaces.put(nested, path);
          interfaces.putIfAbsent(simple, path);
        }
        return super.visitClass(node, unused);
      }
    }.scan(unit, null);
  }

  private void findMappingsAndProperties(CompilationUnitTree unit) {
    Path source = Path.of(unit.getSourceFile().toUri());
    String text;
    try {
      text = Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String className = unit.getPackageName() + "." + source.getFileName().toString()
        .replace(".java", "");
    if (text.contains("ConfigSourceContext") || text.contains("ConfigSourceInterceptorContext")) {
      Matcher literal = PROPERTY_LITERAL.matcher(text);
      while (literal.find()) {
        loose.putIfAbsent(literal.group(1),
            new LooseProperty(literal.group(1), Optional.empty(), className));
      }
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        AnnotationTree mapping = annotation(node.getModifiers(), "ConfigMapping");
        if (mapping != null) {
          Map<String, String> arguments = arguments(mapping);
          String strategy = arguments.getOrDefault("namingStrategy", "KEBAB_CASE");
          if (!strategy.endsWith("KEBAB_CASE")) {
            throw new IllegalStateException(node.getSimpleName() + ": naming strategy " + strategy
                + " is not supported by the configuration reference; teach ConfigReference");
          }
          String prefix = arguments.getOrDefault("prefix", arguments.getOrDefault("value", ""));
          List<Setting> settings = new ArrayList<>();
          walk(getCurrentPath(), prefix, nestedName(getCurrentPath()), settings);
          String name = unit.getPackageName() + "." + nestedName(getCurrentPath());
          mappings.add(new Mapping(prefix, name,
              projectDir.relativize(source.toAbsolutePath()),
              markdown(trees.getDocComment(getCurrentPath()), Map.of()), List.copyOf(settings)));
        }
        return super.visitClass(node, unused);
      }

      @Override
      public Void visitAnnotation(AnnotationTree node, Void unused) {
        if (simpleName(node.getAnnotationType()).equals("ConfigProperty")) {
          Map<String, String> arguments = arguments(node);
          String name = arguments.get("name");
          if (name != null && name.startsWith("groundwork.")) {
            Optional<String> value = Optional.ofNullable(arguments.get("defaultValue"));
            LooseProperty known = loose.get(name);
            if (known == null || known.declaredDefault().isEmpty()) {
              loose.put(name, new LooseProperty(name, value, className));
            }
          }
        }
        return super.visitAnnotation(node, unused);
      }
    }.scan(unit, null);
  }

  /** Adds the properties of the interface at {@code path} (and its super-interfaces). */
  private void walk(TreePath path, String prefix, String mappingName, List<Setting> settings) {
    ClassTree type = (ClassTree) path.getLeaf();
    String owner = nestedName(path);
    Map<String, String> methodProperties = new LinkedHashMap<>();
    List<MethodTree> methods = new ArrayList<>();
    for (Tree member : type.getMembers()) {
      if (member instanceof MethodTree method && method.getBody() == null
          && method.getParameters().isEmpty()
          && !method.getModifiers().getFlags().contains(Modifier.STATIC)
          && !method.getModifiers().getFlags().contains(Modifier.DEFAULT)) {
        methods.add(method);
        methodProperties.put(method.getName().toString(), join(prefix, segment(method)));
      }
    }
    for (MethodTree method : methods) {
      String name = methodProperties.get(method.getName().toString());
      Tree valueType = method.getReturnType();
      boolean optional = false;
      boolean list = false;
      while (valueType instanceof ParameterizedTypeTree parameterized) {
        String raw = simpleName(parameterized.getType());
        if (raw.equals("Map")) {
          // a map has no entries unless some are set
          name = join(name, "*");
          optional = true;
          valueType = parameterized.getTypeArguments().get(1);
        } else if (raw.equals("Optional")) {
          optional = true;
          valueType = parameterized.getTypeArguments().get(0);
        } else if (raw.equals("List") || raw.equals("Set")) {
          list = true;
          valueType = parameterized.getTypeArguments().get(0);
        } else {
          break;
        }
      }
      TreePath group = lookup(interfaces, owner, valueType.toString());
      if (group != null) {
        walk(group, name, mappingName, settings);
        continue;
      }
      if (valueType.toString().equals("OptionalInt") || valueType.toString().equals("OptionalLong")
          || valueType.toString().equals("OptionalDouble")) {
        optional = true;
      }
      AnnotationTree withDefault = annotation(method.getModifiers(), "WithDefault");
      Optional<String> defaultValue = withDefault == null ? Optional.empty()
          : Optional.ofNullable(arguments(withDefault).get("value"));
      String description = markdown(trees.getDocComment(new TreePath(path, method)),
          methodProperties);
      settings.add(new Setting(name, typeOf(owner, valueType.toString(), list), defaultValue,
          optional, description, mappingName));
    }
    for (Tree parent : type.getImplementsClause()) {
      TreePath superType = lookup(interfaces, owner, parent.toString());
      if (superType != null) {
        walk(superType, prefix, mappingName, settings);
      }
    }
  }

  private String typeOf(String owner, String type, boolean list) {
    List<String> constants = lookup(enums, owner, type);
    String kind;
    if (constants != null) {
      kind = String.join(", ", constants.stream().map(c -> "`" + c + "`").toList());
    } else {
      kind = switch (type) {
        case "int", "Integer", "long", "Long", "short", "OptionalInt", "OptionalLong" -> "integer";
        case "double", "Double", "float", "Float", "OptionalDouble" -> "number";
        case "boolean", "Boolean" -> "`true`, `false`";
        case "Duration", "java.time.Duration" -> "duration (`5s`, `2m`, `PT1M`)";
        case "String" -> "text";
        case "Path", "java.nio.file.Path" -> "path";
        case "URI", "URL" -> "URL";
        default -> type;
      };
    }
    return list ? "list of " + kind + ", comma-separated" : kind;
  }

  private <T> T lookup(Map<String, T> types, String owner, String name) {
    String plain = name.replaceAll("^[a-z0-9_.]+\\.(?=[A-Z])", "");
    // nested in the owner or one of its enclosing types, then as written, then by simple name
    String scope = owner;
    while (true) {
      T found = types.get(scope.isEmpty() ? plain : scope + "." + plain);
      if (found != null) {
        return found;
      }
      if (scope.isEmpty()) {
        break;
      }
      scope = scope.contains(".") ? scope.substring(0, scope.lastIndexOf('.')) : "";
    }
    String simple = plain.contains(".") ? plain.substring(plain.lastIndexOf('.') + 1) : plain;
    if (simpleNameCounts.getOrDefault(simple, 0) == 1) {
      return types.get(simple);
    }
    return null;
  }

  private static String segment(MethodTree method) {
    if (annotation(method.getModifiers(), "WithParentName") != null) {
      return "";
    }
    AnnotationTree withName = annotation(method.getModifiers(), "WithName");
    if (withName != null) {
      return arguments(withName).get("value");
    }
    return kebab(method.getName().toString());
  }

  /** Outer.Inner name of the class at {@code path}, without the package. */
  private static String nestedName(TreePath path) {
    List<String> names = new ArrayList<>();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree type) {
        names.addFirst(type.getSimpleName().toString());
      }
    }
    return String.join(".", names);
  }

  private static AnnotationTree annotation(ModifiersTree modifiers, String simpleName) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      if (simpleName(annotation.getAnnotationType()).equals(simpleName)) {
        return annotation;
      }
    }
    return null;
  }

  private static String simpleName(Tree type) {
    if (type instanceof IdentifierTree identifier) {
      return identifier.getName().toString();
    }
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    return type.toString();
  }

  /** Annotation arguments as text: string literals unquoted, other expressions as written. */
  private static Map<String, String> arguments(AnnotationTree annotation) {
    Map<String, String> result = new LinkedHashMap<>();
    for (ExpressionTree argument : annotation.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        result.put(assignment.getVariable().toString(), literal(assignment.getExpression()));
      } else {
        result.put("value", literal(argument));
      }
    }
    return result;
  }

  private static String literal(ExpressionTree expression) {
    if (expression instanceof LiteralTree literal && literal.getValue() != null) {
      return literal.getValue().toString();
    }
    return expression.toString();
  }

  private static final Pattern INLINE_TAG =
      Pattern.compile("\\{@(\\w+)\\s*([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");

  /**
   * A javadoc comment as one Markdown paragraph: block tags dropped, {@code {@code x}} as code,
   * links to sibling methods as their property names, HTML tags removed, table pipes escaped.
   */
  static String markdown(String javadoc, Map<String, String> siblingProperties) {
    if (javadoc == null) {
      return "";
    }
    StringBuilder body = new StringBuilder();
    for (String line : javadoc.split("\n")) {
      if (line.strip().startsWith("@")) {
        break;
      }
      body.append(line.strip()).append(' ');
    }
    Matcher tag = INLINE_TAG.matcher(body);
    StringBuilder out = new StringBuilder();
    while (tag.find()) {
      String kind = tag.group(1);
      String content = tag.group(2).strip();
      String replacement = switch (kind) {
        case "code", "literal" -> "`" + content + "`";
        case "link", "linkplain" -> link(content, siblingProperties);
        default -> content;
      };
      tag.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    tag.appendTail(out);
    return out.toString()
        .replaceAll("</?(p|ul|ol|li|em|b|i|strong|br)\\s*/?>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        .replace("|", "\\|")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static String link(String content, Map<String, String> siblingProperties) {
    String[] parts = content.split("\\s+", 2);
    if (parts.length == 2) {
      return parts[1];
    }
    String target = parts[0];
    if (target.startsWith("#")) {
      String method = target.substring(1).replaceAll("\\(.*\\)$", "");
      String property = siblingProperties.get(method);
      return "`" + (property != null ? property : method) + "`";
    }
    String simple = target.replaceAll("^[a-z0-9_.]+\\.(?=[A-Z])", "").replaceAll("\\(.*\\)$", "");
    return "`" + simple.replace('#', '.') + "`";
  }
}
