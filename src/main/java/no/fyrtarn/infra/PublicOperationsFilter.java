package no.fyrtarn.infra;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Public operations (annotated with an empty @SecurityRequirementsSet) come out as {@code security: [{}]}, "optional
 * auth"; the contract wants them as {@code security: []}, "no auth".
 */
public class PublicOperationsFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security != null && !security.isEmpty()
                && security.stream().allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty())) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }
}
