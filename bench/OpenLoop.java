import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for first shares, in the manner of wrk2: POST /api/posts/{post}/shares become due at a
 * fixed rate whatever the answers take, and {@code CONNECTIONS} keep-alive connections send them as they come due.
 * wrk's paced connections wait for each answer before they pause, so a slower service is offered less; here a request
 * that finds every connection busy waits, and its latency counts from when it was due. A tiny blocking HTTP/1.1 client
 * on virtual threads keeps the generator's own CPU small next to the service on the same cores.
 *   java bench/OpenLoop.java BASE_URL PLAN RATE SECONDS [CONNECTIONS (64)]
 * Plan lines: "token post network". Prints "requests/s p50_ms p99_ms errors" (requests/s: answers within the run;
 * errors: non-2xx answers and failed requests).
 */
public class OpenLoop {

    private record Due(int index, long at) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        List<String> plan = Files.readAllLines(Path.of(args[1]));
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int total = rate * seconds;
        if (plan.size() < total) {
            throw new IllegalArgumentException("the plan has " + plan.size() + " lines for " + total + " requests");
        }
        long[] latencies = new long[total];
        Arrays.fill(latencies, Long.MAX_VALUE);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger inTime = new AtomicInteger();
        BlockingQueue<Due> due = new LinkedBlockingQueue<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] senders = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            senders[c] = Thread.ofVirtual().start(() -> {
                Connection connection = null;
                try {
                    for (Due next; (next = due.take()).index() >= 0;) {
                        String[] line = plan.get(next.index()).split(" ");
                        String body = "{\"network\":\"" + line[2] + "\"}";
                        String request = "POST /api/posts/" + line[1] + "/shares HTTP/1.1\r\nHost: " + base.getHost()
                                + "\r\nAuthorization: Bearer " + line[0] + "\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
                        int status;
                        try {
                            if (connection == null) {
                                connection = new Connection(base);
                            }
                            status = connection.exchange(request.getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            status = -1;
                            connection = null;
                        }
                        long now = System.nanoTime();
                        latencies[next.index()] = now - next.at();
                        if (status / 100 != 2) {
                            errors.incrementAndGet();
                        }
                        if (now <= end) {
                            inTime.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < total; i++) {
            long at = start + i * period;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new Due(i, at));
        }
        for (int c = 0; c < connections; c++) {
            due.add(new Due(-1, 0));
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(90));
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long unanswered = Arrays.stream(latencies).filter(l -> l == Long.MAX_VALUE).count();
        System.out.printf(Locale.ROOT, "%.0f %.2f %.2f %d%n", inTime.get() / (double) seconds, ms(sorted, 0.50),
                ms(sorted, 0.99), errors.get() + unanswered);
        System.exit(0);
    }

    private static double ms(long[] sorted, double quantile) {
        long v = sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
        return v == Long.MAX_VALUE ? Double.NaN : v / 1e6;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the answer's status and skips its body. */
    private static final class Connection {
        private final OutputStream out;
        private final InputStream in;

        Connection(URI base) throws IOException {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            for (String header; !(header = line()).isEmpty();) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0;) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n';) {
                if (b < 0) {
                    throw new IOException("closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
