package no.fyrtarn.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Lowers the calling thread's scheduling priority (its Linux nice value), for work that can wait while requests are
 * answered. Java's own thread priorities reach Linux only with JVM flags, so the thread asks {@code renice} about
 * itself, once. A thread cannot raise its priority again without privileges: call this only on threads that do
 * nothing but such work.
 */
public final class ThreadNice {

    private static final Logger LOG = Logger.getLogger(ThreadNice.class);
    private static final ThreadLocal<Boolean> DONE = ThreadLocal.withInitial(() -> false);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ThreadNice() {
    }

    /**
     * Sets the calling thread's nice value to {@code nice}, the first time a thread asks; 0 leaves it as it is. Where
     * that cannot be done (not Linux, no {@code renice}), it warns once and the thread carries on as it was.
     */
    public static void lowerCurrentThread(int nice) {
        if (nice <= 0 || DONE.get()) {
            return;
        }
        DONE.set(true);
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                warnOnce("renice answered: " + said);
            }
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warnOnce(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warnf("Could not lower thread %s's priority; it runs at the service's own (%s)",
                    Thread.currentThread().getName(), why);
        }
    }
}
