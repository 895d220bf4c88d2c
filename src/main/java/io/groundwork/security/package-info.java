/**
 * Identity: built-in users and groups from a configuration file, checked as HTTP basic auth by a
 * Quarkus identity provider, so that a later OIDC provider can replace it without touching the
 * rest. A user's groups decide which documents they may read. Failed sign-ins are throttled per
 * user name and client address before any password is hashed, and verified passwords are
 * remembered briefly.
 */
package io.groundwork.security;
