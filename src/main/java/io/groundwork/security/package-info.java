/**
 * Identity: built-in users and groups from a configuration file, checked as HTTP basic auth by a
 * Quarkus identity provider, or single sign-on with an OpenID Connect provider whose token claims
 * map to access groups and roles ({@code groundwork.security.mode}), its web sessions kept on the
 * server so that signing out ends them. Either way an identity carries roles and groups as
 * {@link io.groundwork.security.CallerResolver} describes. A person's groups decide which
 * documents they may read; roles decide what they may do. Failed sign-ins are throttled per
 * user name and client address before any password is hashed, and verified passwords are
 * remembered briefly.
 */
package io.groundwork.security;
