package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidatorFactory;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.directory.Employee;
import no.fyrtarn.post.Network;
import no.fyrtarn.share.ShareRequest;
import no.fyrtarn.testing.Api;

/**
 * Bean Validation asks JPA whether a property is loaded for persistent objects only: a request body is validated
 * without JPA, and validating an entity still never reads (and so loads) what JPA has not loaded.
 */
@QuarkusTest
class EntitiesOnlyTraversableResolverTest {

    @Inject
    ValidatorFactory validation;

    @Inject
    EntitiesOnlyTraversableResolver resolver;

    @Inject
    EntityManager em;

    @Test
    void the_service_validates_with_it() {
        assertThat(validation.getTraversableResolver()).isInstanceOf(EntitiesOnlyTraversableResolver.class);
    }

    @Test
    void a_request_body_is_no_persistent_object_and_its_properties_are_reachable() {
        ShareRequest body = new ShareRequest(Network.X, "Tekst");
        assertThat(EntitiesOnlyTraversableResolver.persistent(body)).isFalse();
        assertThat(resolver.isReachable(body, property("network"), ShareRequest.class, null, ElementType.FIELD))
                .isTrue();
    }

    @Test
    void a_property_jpa_has_not_loaded_is_not_reachable_and_stays_unloaded() {
        UUID id = UUID.fromString(Api.employeeIn(null).employeeId());
        QuarkusTransaction.requiringNew().run(() -> {
            Employee unloaded = em.getReference(Employee.class, id);
            assertThat(Hibernate.isInitialized(unloaded)).isFalse();
            assertThat(EntitiesOnlyTraversableResolver.persistent(unloaded)).isTrue();

            assertThat(resolver.isReachable(unloaded, property("name"), Employee.class, null, ElementType.FIELD))
                    .isFalse();
            assertThat(Hibernate.isInitialized(unloaded)).as("asking did not load it").isFalse();

            Hibernate.initialize(unloaded);
            assertThat(resolver.isReachable(unloaded, property("name"), Employee.class, null, ElementType.FIELD))
                    .isTrue();
        });
    }

    private static Path.Node property(String name) {
        return new Path.Node() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isInIterable() {
                return false;
            }

            @Override
            public Integer getIndex() {
                return null;
            }

            @Override
            public Object getKey() {
                return null;
            }

            @Override
            public ElementKind getKind() {
                return ElementKind.PROPERTY;
            }

            @Override
            public <T extends Path.Node> T as(Class<T> nodeType) {
                return nodeType.cast(this);
            }
        };
    }
}
