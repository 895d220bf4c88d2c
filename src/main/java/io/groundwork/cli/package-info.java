/**
 * The command line, in the same artifact as the server: {@code serve} (the default),
 * {@code ingest}, {@code ask}, {@code search} and {@code hash-password}. Commands other than
 * {@code serve} start without the HTTP listener.
 */
package io.groundwork.cli;
