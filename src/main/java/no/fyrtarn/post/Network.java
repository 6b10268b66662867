package no.fyrtarn.post;

/** The social networks employees reshare to. */
public enum Network {
    LINKEDIN("LinkedIn"), X("X"), FACEBOOK("Facebook");

    private final String label;

    Network(String label) {
        this.label = label;
    }

    /** The network's own spelling, for texts people read. */
    public String label() {
        return label;
    }
}
