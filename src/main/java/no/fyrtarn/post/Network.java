package no.fyrtarn.post;

/** The social networks employees reshare to. */
public enum Network {
    LINKEDIN, X, FACEBOOK
}
