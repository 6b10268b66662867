package no.fyrtarn.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Public operations (annotated with an empty @SecurityRequirementsSet) come out as {@code security: [{}]}, "optional
 * auth"; the contract wants them as {@code security: []}, "no auth". The 401 and 403 that SmallRye adds to every
 * operation with roles carry a description alone; they become the {@code Unauthorized} and {@code Forbidden}
 * responses of {@code META-INF/openapi.yaml}, the problem+json the service answers.
 */
public class OpenApiSecurityFilter implements OASFilter {

    private static final Map<String, String> SECURITY_RESPONSES = Map.of("401", "Unauthorized", "403", "Forbidden");

    @Override
    public Operation filterOperation(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security != null && !security.isEmpty()
                && security.stream().allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty())) {
            operation.setSecurity(new ArrayList<>());
        }
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            SECURITY_RESPONSES.forEach((code, component) -> {
                APIResponse response = responses.getAPIResponse(code);
                if (response != null && response.getRef() == null && response.getContent() == null) {
                    responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(component));
                }
            });
        }
        return operation;
    }
}
