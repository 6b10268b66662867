package no.fyrtarn.infra;

import java.time.Duration;

/**
 * The one thread behind a background loop (the outbox relay, the click recorder, the share writer, the leaderboard
 * listener): started with the application, asked to end at shutdown and waited for, at most for a grace period. The
 * loop polls {@link #running()}.
 */
public final class BackgroundThread {

    private final String name;
    private volatile boolean running;
    private Thread thread;

    public BackgroundThread(String name) {
        this.name = name;
    }

    public void start(Runnable loop) {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(loop);
    }

    /** False before {@link #start} and once {@link #stop} was asked. */
    public boolean running() {
        return running;
    }

    /** Asks the loop to end and waits for it up to {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        stop(grace, () -> { });
    }

    /**
     * Asks the loop to end, then {@code wake}s it (for a loop that sleeps until told), and waits for it up to
     * {@code grace}. Nothing to wait for if it never started (the application stopped while starting).
     */
    public void stop(Duration grace, Runnable wake) throws InterruptedException {
        running = false;
        wake.run();
        if (thread != null) {
            thread.join(grace.toMillis());
        }
    }
}
