package io.groundwork.audit;

/**
 * The result of checking the audit hash chain.
 *
 * @param intact true when every record's hash and link are as written
 * @param records records checked
 * @param firstBrokenId id of the first record that fails the check, or null
 * @param problem what is wrong with it, or null
 */
public record AuditVerification(boolean intact, long records, Long firstBrokenId, String problem) {}
