package no.fyrtarn.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import no.fyrtarn.infra.StorableText;

/**
 * A page's form field with text PostgreSQL cannot store ({@link StorableText}) is a 400 page naming the field. A
 * browser does not send the NUL character from a form; a crafted request made the share or the post fail with a 500.
 */
public class FormText {

    @ServerRequestFilter
    @WithFormRead
    @WebPage
    public void refuseUnstorable(ResteasyReactiveContainerRequestContext request) {
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getFormData() instanceof FormData form) {
            for (String field : form) {
                for (FormValue value : form.get(field)) {
                    if (!value.isFileItem()) {
                        StorableText.require(field, value.getValue());
                    }
                }
            }
        }
    }
}
