/** Language utilities shared by ingestion and answering: sentence splitting, term
 * analysis and the keywords of a question. */
package io.groundwork.text;
