/** Language utilities shared by ingestion and answering: sentence splitting and term analysis. */
package io.groundwork.text;
