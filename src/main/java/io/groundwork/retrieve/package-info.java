/**
 * Retrieval: hybrid search that runs BM25 and vector search, each pre-filtered by the caller's
 * access groups, and fuses their rankings by reciprocal-rank fusion.
 */
package io.groundwork.retrieve;
