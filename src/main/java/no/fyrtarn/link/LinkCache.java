package no.fyrtarn.link;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Code → target, in memory. A link never changes once made, so known codes stay until evicted by size; unknown codes
 * are remembered briefly. Misses load on a worker thread, so the event loop never waits for the database, and
 * concurrent misses for one code share a single query.
 */
@ApplicationScoped
public class LinkCache {

    private final AsyncLoadingCache<String, Optional<LinkService.Target>> cache;

    @Inject
    LinkCache(LinkService links, LinkConfig config) {
        Duration unknown = config.unknownCodeTtl();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.cacheSize())
                .expireAfter(Expiry.<String, Optional<LinkService.Target>>creating(
                        (code, target) -> target.isPresent() ? Duration.ofDays(365) : unknown))
                .executor(Infrastructure.getDefaultWorkerPool())
                .buildAsync(links::resolve);
    }

    /** The code's lookup when the cache has it, done or under way; null when asking for it would query. */
    public CompletableFuture<Optional<LinkService.Target>> cached(String code) {
        return cache.getIfPresent(code);
    }

    /** Already complete when the code is cached (known or unknown); completes on a worker thread when it is not. */
    public CompletableFuture<Optional<LinkService.Target>> target(String code) {
        return cache.get(code);
    }
}
