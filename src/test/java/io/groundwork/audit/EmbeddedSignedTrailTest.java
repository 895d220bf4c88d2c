package io.groundwork.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The signed trail in the embedded store. */
@QuarkusTest
@TestProfile(SignedTrailProfiles.Embedded.class)
class EmbeddedSignedTrailTest extends SignedTrailContract {}
