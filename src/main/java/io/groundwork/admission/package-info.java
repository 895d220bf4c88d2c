/**
 * Admission control: bounded concurrency for expensive work (answering, drafting), a bounded
 * queue with a bounded wait in front of it, and an immediate refusal (429 with
 * {@code Retry-After}) beyond it, so that overload slows nobody who was admitted.
 */
package io.groundwork.admission;
