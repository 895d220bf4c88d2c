package io.groundwork.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a bundled model's ONNX graph directly on padded batches, with no LangChain4j in
 * between: the reference for how fast this machine can embed (benchmarks compare the pipeline
 * with it). Texts are tokenized with the model's tokenizer, truncated at its maximum sequence
 * length and padded to the longest text of the batch; vectors are pooled as the model documents
 * (CLS or mean) and L2-normalised. Not for production use: it does not split long texts. Thread-safe.
 */
public final class RawOnnxEncoder implements AutoCloseable {
  private final EmbeddingModelSpec spec;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  public RawOnnxEncoder(EmbeddingModelSpec spec, int intraOpThreads) {
    this.spec = spec;
    this.session = OnnxInProcessEmbeddingModel.openSession(spec, intraOpThreads);
    try (InputStream in = OnnxInProcessEmbeddingModel.open(spec.tokenizerResource())) {
      this.tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false",
          "truncation", "true", "maxLength", String.valueOf(spec.maxSequenceLength())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + spec.tokenizerResource(), e);
    }
  }

  /** Tokens of {@code text} (with the special tokens), truncated to the maximum length. */
  public int tokenCount(String text) {
    return tokenizer.encode(text).getIds().length;
  }

  /** Embeds one batch in one ONNX Runtime call, returning normalised vectors in order. */
  public float[][] embedBatch(List<String> texts) {
    Encoding[] encodings = new Encoding[texts.size()];
    int length = 0;
    for (int i = 0; i < encodings.length; i++) {
      encodings[i] = tokenizer.encode(texts.get(i));
      length = Math.max(length, encodings[i].getIds().length);
    }
    long[][] ids = new long[encodings.length][length];
    long[][] mask = new long[encodings.length][length];
    long[][] types = new long[encodings.length][length];
    for (int i = 0; i < encodings.length; i++) {
      long[] own = encodings[i].getIds();
      System.arraycopy(own, 0, ids[i], 0, own.length);
      System.arraycopy(encodings[i].getAttentionMask(), 0, mask[i], 0, own.length);
      System.arraycopy(encodings[i].getTypeIds(), 0, types[i], 0, own.length);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
      if (session.getInputNames().contains("token_type_ids")) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] vectors = new float[encodings.length][];
        for (int i = 0; i < encodings.length; i++) {
          vectors[i] = Embedder.normalized(pool(hidden[i], mask[i]));
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + texts.size(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private float[] pool(float[][] tokens, long[] mask) {
    if (spec.poolingMode() == PoolingMode.CLS) {
      return tokens[0].clone();
    }
    float[] sum = new float[tokens[0].length];
    int count = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 1) {
        count++;
        for (int d = 0; d < sum.length; d++) {
          sum[d] += tokens[t][d];
        }
      }
    }
    for (int d = 0; d < sum.length; d++) {
      sum[d] /= Math.max(1, count);
    }
    return sum;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close ONNX session", e);
    }
    tokenizer.close();
  }
}
