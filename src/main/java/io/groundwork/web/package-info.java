/**
 * The REST API (documented at {@code /q/openapi}), its JSON error responses, and the static web
 * pages that use it (one layout, navigation by role). Every endpoint needs an authenticated user;
 * ingestion needs the role {@code admin}, the audit trail the role {@code auditor}.
 */
package io.groundwork.web;
