package no.fyrtarn.post;

/** The social networks employees reshare to. */
public enum Network {
    LINKEDIN("LinkedIn"), X("X"), FACEBOOK("Facebook");

    private final String label;

    Network(String label) {
        this.label = label;
    }

    /** Of three values given per network (LinkedIn, X, Facebook), this network's. */
    public <T> T pick(T linkedin, T x, T facebook) {
        return switch (this) {
            case LINKEDIN -> linkedin;
            case X -> x;
            case FACEBOOK -> facebook;
        };
    }

    /** The network's own spelling, for texts people read. */
    public String label() {
        return label;
    }
}
