package no.fyrtarn.infra;

import java.lang.annotation.ElementType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Persistence;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.hibernate.proxy.HibernateProxy;

/**
 * Bean Validation asks, before it validates a property, whether the property may be read. With Hibernate ORM present
 * Quarkus answers by asking JPA whether the property is loaded, for every object validated: a request body or a
 * consumed event as much as an entity, and for a plain object JPA's answer reads the property by reflection. That was
 * half of validating a click event. Only a persistent object can have a property that is not loaded, so this resolver
 * (Quarkus takes a {@link TraversableResolver} bean instead of its own) asks JPA about entities, embeddables and their
 * proxies only, as before, and lets everything else be read.
 */
@ApplicationScoped
public class EntitiesOnlyTraversableResolver implements TraversableResolver {

    private static final ClassValue<Boolean> PERSISTENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(Embeddable.class)
                        || c.isAnnotationPresent(MappedSuperclass.class)) {
                    return true;
                }
            }
            return HibernateProxy.class.isAssignableFrom(type);
        }
    };

    /** Whether JPA may hold part of this object unloaded: an entity, an embeddable or a proxy of one. */
    static boolean persistent(Object object) {
        return object != null && PERSISTENT.get(object.getClass());
    }

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return !persistent(traversableObject)
                || Persistence.getPersistenceUtil().isLoaded(traversableObject, traversableProperty.getName());
    }

    /** As the JPA specification's resolver: what may be reached may be cascaded into. */
    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
