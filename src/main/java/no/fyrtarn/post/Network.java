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

    /**
     * Whether the network's share dialog takes the text as well as the link. X's does; LinkedIn's and Facebook's take
     * only the link, so the feed copies the text for the employee to paste.
     */
    public boolean dialogTakesText() {
        return this == X;
    }

    /** The network's own spelling, for texts people read. */
    public String label() {
        return label;
    }
}
