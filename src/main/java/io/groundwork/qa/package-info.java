/**
 * Question answering as the REST API and the CLI share it: retrieve with the caller's access
 * filter, answer, verify, and store the audit record before the answer is returned.
 */
package io.groundwork.qa;
