/**
 * Personal data detection and redaction: detectors for e-mail addresses, phone numbers, IBANs
 * (mod-97 checked), payment cards (Luhn checked), UK national insurance and US social security
 * numbers, plus patterns from the configuration; applied to what the audit trail stores and,
 * optionally, to text sent to an LLM.
 */
package io.groundwork.pii;
