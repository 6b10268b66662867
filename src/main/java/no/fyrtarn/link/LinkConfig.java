package no.fyrtarn.link;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fyrtarn.links")
public interface LinkConfig {

    /** Base62 characters per code (at least 7). */
    @WithDefault("8")
    int codeLength();

    /** Codes whose target the redirect keeps in memory. */
    @WithDefault("100000")
    int cacheSize();

    /** How long an unknown code is remembered as unknown, so scans for codes do not each hit the database. */
    @WithDefault("30s")
    Duration unknownCodeTtl();

    /** Clicks held in memory while they wait to be written to the outbox; beyond this they are dropped and counted. */
    @WithDefault("100000")
    int clickBuffer();

    /** Clicks written to the outbox per transaction. */
    @WithDefault("500")
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
     * The nice value (Linux) of the threads that judge clicks, 0 to 19: when the cores are busy, counting yields them
     * to requests, and the clicks wait in Kafka. 0 leaves those threads at the service's own priority.
     */
    @WithDefault("10")
    @Min(0)
    @Max(19)
    int judgingNice();

    /** Counting rules of the click consumer. */
    Counting counting();

    interface Counting {
        /** A click counts once per code and client within this window. */
        @WithDefault("30m")
        Duration window();

        /** User-agent substrings (case-insensitive) of link-preview bots, whose requests are redirected but not counted. */
        @WithDefault("LinkedInBot,Twitterbot,facebookexternalhit,Facebot,Slackbot,Slack-ImgProxy,WhatsApp,TelegramBot,"
                + "Discordbot,SkypeUriPreview,MicrosoftPreview,Googlebot,bingbot,Applebot,redditbot,Pinterestbot,"
                + "Embedly,Iframely,vkShare,Mastodon,Bluesky")
        List<String> previewBots();
    }
}
