/**
 * The REST API (documented at {@code /q/openapi}), its JSON error responses, and the static web
 * page that uses it. Every endpoint needs an authenticated user; ingestion needs group
 * {@code admin}, the audit trail group {@code auditor}.
 */
package io.groundwork.web;
