package no.fyrtarn.security;

/** Role names for @RolesAllowed; they are the JWT groups of the contract. */
public final class Roles {
    public static final String EMPLOYEE = "employee";
    public static final String LEADER = "leader";
    public static final String MARKETING = "marketing";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
