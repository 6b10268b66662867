package no.fyrtarn.link;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tracked links and clicks; Quarkus refuses to start with a setting they could not work with (a code of 5). */
@ConfigMapping(prefix = "fyrtarn.links")
public interface LinkConfig {

    /**
     * Codes that proved unknown one client address may have looked up in the database per {@link #scanWindow()};
     * past that, codes not in memory are 429 for it until the window ends.
     */
    @WithDefault("30")
    int scanBudget();

    /** The window of {@link #scanBudget()}, from the address's first unknown code. */
    @WithDefault("1m")
    Duration scanWindow();

    /**
     * Base62 characters per code: at least 7 (the least for an unguessable code), at most 16 (what the
     * redirect takes as a code and the database keeps). Outside that, new links would be 404s or shares fail.
     */
    @WithDefault("8")
    @Min(7)
    @Max(16)
    int codeLength();

    /** Codes whose target the redirect keeps in memory. */
    @WithDefault("100000")
    int cacheSize();

    /**
     * How long an unknown code is remembered as unknown, so that asking for it again does not hit the database (a scan
     * over many codes meets {@link #scanBudget()} instead).
     */
    @WithDefault("30s")
    Duration unknownCodeTtl();

    /** Clicks held in memory while they wait to be written to the outbox; beyond this they are dropped and counted. */
    @WithDefault("100000")
    @Min(1)
    int clickBuffer();

    /** Clicks written to the outbox per transaction. */
    @WithDefault("500")
    @Min(1)
    int clickBatch();

    /** How long the writer waits for a batch to fill once a click arrived. */
    @WithDefault("50ms")
    Duration clickLinger();

    /** How long the click writer waits for Kafka's acks before the rest of a batch goes to the outbox. */
    @WithDefault("5s")
    Duration clickAckWait();

    /** After Kafka failed to take clicks, batches go straight to the outbox for this long. */
    @WithDefault("30s")
    Duration clickKafkaPause();

    /**
     * Behind proxies that append the address they saw to X-Forwarded-For, how many addresses they append: a click's
     * client is then the one this many places from the right. 0 takes the first address, as Quarkus reads it, for a
     * proxy that replaces the header ({@link ClientAddress}).
     */
    @WithDefault("0")
    @Min(0)
    int forwardedForDepth();

    /** Counting rules of the click consumer. */
    Counting counting();

    interface Counting {
        /**
         * A click counts once per code and client within this window: at most a day, since a client's hash changes
         * every UTC day and a click is also hashed under only one day beside its own ({@link ClientHasher}).
         */
        @WithDefault("30m")
        @DurationMin(nanos = 0)
        @DurationMax(days = 1)
        Duration window();

        /**
         * User-agent substrings (case-insensitive) of link-preview bots and crawlers, whose requests are redirected but
         * not counted. "://" is an address in the user agent, where a crawler says who runs it and a browser never
         * writes one; the names after it are crawlers that give none.
         */
        @WithDefault("LinkedInBot,Twitterbot,facebookexternalhit,Facebot,Slackbot,Slack-ImgProxy,WhatsApp,TelegramBot,"
                + "Discordbot,SkypeUriPreview,MicrosoftPreview,Googlebot,bingbot,Applebot,redditbot,Pinterestbot,"
                + "Embedly,Iframely,vkShare,Mastodon,Bluesky,"
                + "://,crawler,spider,ClaudeBot,Claude-User,Claude-SearchBot,HeadlessChrome")
        List<String> previewBots();
    }
}
