package io.groundwork.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** The signed trail in the embedded store. */
@QuarkusTest
@Tag("app")
@TestProfile(SignedTrailProfiles.Embedded.class)
class EmbeddedSignedTrailTest extends SignedTrailContract {}
