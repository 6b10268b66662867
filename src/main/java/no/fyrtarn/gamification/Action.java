package no.fyrtarn.gamification;

/** What earns points. SHARE, CLICK and SUGGESTION follow the point rules; CHALLENGE pays a challenge's bonus. */
public enum Action {
    SHARE, CLICK, SUGGESTION, CHALLENGE
}
