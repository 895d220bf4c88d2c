/**
 * Identity: built-in users and groups from a configuration file, checked as HTTP basic auth by a
 * Quarkus identity provider, so that a later OIDC provider can replace it without touching the
 * rest. A user's groups decide which documents they may read.
 */
package io.groundwork.security;
