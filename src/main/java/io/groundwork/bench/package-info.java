/**
 * Benchmarks: commands that print figures about Groundwork's own speed and quality (never timed
 * tests), kept apart from the product code so that nothing the server or the product commands
 * run depends on them.
 *
 * <ul>
 *   <li>{@code bench} ({@link io.groundwork.bench.BenchCommand}): embedding throughput of the
 *       pipeline against raw ONNX Runtime ({@link io.groundwork.bench.EmbeddingThroughput}), and
 *       retrieval quality, latency, indexing time and heap next to LangChain4j's in-memory
 *       store ({@link io.groundwork.bench.PeerComparison}), on a BEIR-layout dataset;
 *   <li>{@code bench-verify} ({@link io.groundwork.bench.BenchVerifyCommand}): how well the
 *       verifier's support score separates gold rationale sentences from the rest of their
 *       abstract ({@link io.groundwork.bench.SupportBenchmark});
 *   <li>{@code bench-vectors} ({@link io.groundwork.bench.BenchVectorsCommand}): pgvector HNSW
 *       against Lucene HNSW on the same vectors and queries ({@link
 *       io.groundwork.bench.VectorBenchmark});
 *   <li>{@code audit bench} ({@link io.groundwork.bench.AuditBenchCommand}): audit appends per
 *       second and append latency under concurrent askers, with and without signed checkpoints
 *       ({@link io.groundwork.bench.AppendBenchmark}).
 * </ul>
 *
 * <p>{@code eval} is not here: users run it on their own data, so it is a product command
 * ({@code cli}) built on the {@code eval} package, which the benchmarks reuse (datasets, the
 * evaluation index, metrics). The benchmarks ship in the same artifact as the product, as
 * subcommands of {@code groundwork}, so that they measure exactly the build that is deployed; a
 * separate Maven module would add a build step and a second artifact for a handful of classes.
 * Only {@code cli} refers to this package, to register the commands.
 */
package io.groundwork.bench;
