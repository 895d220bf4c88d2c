/**
 * The command line, in the same artifact as the server: {@code serve} (the default),
 * {@code ingest}, {@code ask}, {@code search}, {@code hash-password}, {@code eval} (retrieval
 * quality on a BEIR-layout dataset of the user's) and {@code eval-answers} (answer quality on a
 * development set of questions over an ingestion source) and {@code calibrate-refusal} (fits the
 * extractive answerer's refusal on such a set). Commands other than {@code serve} start
 * without the HTTP listener. {@link io.groundwork.cli.GroundworkCommand} also registers the
 * benchmark commands of {@link io.groundwork.bench}.
 */
package io.groundwork.cli;
