package io.groundwork.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A bundled LangChain4j ONNX model whose ONNX Runtime session has an explicit number of
 * intra-op threads.
 *
 * <p>Why: LangChain4j's bundled models create their session with ONNX Runtime's defaults, where
 * every inference spreads over all cores, and {@code embedAll} also runs one inference per text
 * in parallel on its executor. On two cores that is two inferences each asking for two threads:
 * the threads contend (ONNX Runtime's workers spin while waiting) and the pipeline runs no faster
 * than on one core. Here each inference runs on {@code intraOpThreads} threads (1 by default) and
 * parallelism comes from the executor alone, one inference per core. Thread-safe (ONNX Runtime
 * sessions are).
 */
public final class OnnxInProcessEmbeddingModel extends AbstractInProcessEmbeddingModel {
  private final OnnxBertBiEncoder encoder;
  private final int dimension;

  /**
   * Loads {@code spec}'s ONNX weights and tokenizer from the class path.
   *
   * @param executor runs the inferences of one {@code embedAll} call in parallel
   * @param intraOpThreads threads ONNX Runtime uses inside one inference (>= 1)
   * @throws IllegalStateException when the model's artifact is not on the class path
   */
  public OnnxInProcessEmbeddingModel(EmbeddingModelSpec spec, Executor executor,
      int intraOpThreads) {
    super(executor);
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
    }
    this.dimension = spec.dimension();
    this.encoder = load(spec, intraOpThreads);
  }

  /** Opens an ONNX Runtime session for {@code spec} with the given intra-op threads. */
  static OrtSession openSession(EmbeddingModelSpec spec, int intraOpThreads) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return OrtEnvironment.getEnvironment().createSession(readResource(spec.onnxResource()),
          options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot open ONNX model " + spec.onnxResource(), e);
    }
  }

  private static OnnxBertBiEncoder load(EmbeddingModelSpec spec, int intraOpThreads) {
    OrtSession session = openSession(spec, intraOpThreads);
    try (InputStream tokenizer = open(spec.tokenizerResource())) {
      return new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session, tokenizer,
          spec.poolingMode());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.tokenizerResource(), e);
    }
  }

  static byte[] readResource(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static InputStream open(String resource) {
    InputStream in = OnnxInProcessEmbeddingModel.class.getClassLoader()
        .getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the class path; build with the"
          + " model's Maven artifact or profile (see EmbeddingModelSpec)");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return dimension;
  }
}
