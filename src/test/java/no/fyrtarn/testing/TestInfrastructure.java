package no.fyrtarn.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded infrastructure for every @QuarkusTest in this module. */
@QuarkusTestResource(value = EmbeddedInfrastructureResource.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {
}
