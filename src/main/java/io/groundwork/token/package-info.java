/**
 * Personal API tokens: made by a signed-in person, shown once, stored as a SHA-256, listed and
 * revoked by their owner, expiring; a token acts with its owner's groups and roles on the whole
 * API ({@code Authorization: Bearer gwp_...}).
 */
package io.groundwork.token;
