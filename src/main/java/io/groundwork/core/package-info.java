/**
 * Small building blocks shared by several capabilities: content hashes and stable ids
 * ({@link io.groundwork.core.Hashes}) and the well-known access groups
 * ({@link io.groundwork.core.AccessGroups}). Depends on nothing else in Groundwork.
 */
package io.groundwork.core;
