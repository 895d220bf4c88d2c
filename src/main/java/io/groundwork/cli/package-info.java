/**
 * The command line, in the same artifact as the server: {@code serve} (the default),
 * {@code ingest}, {@code ask}, {@code search} and {@code hash-password}, and the measuring
 * commands {@code eval}, {@code bench}, {@code bench-verify} and {@code bench-vectors}.
 * Commands other than {@code serve} start without the HTTP listener.
 */
package io.groundwork.cli;
