package no.fyrtarn.post;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What marketing writes when creating or replacing a draft. */
public record PostRequest(
        @Schema(example = "We are hiring engineers in Bergen") @NotBlank @Size(max = 200) String title,
        @Schema(example = "Join the team that builds Norway's favourite banking app.") @NotBlank @Size(max = 3000) String body,
        @Schema(description = "An absolute http(s) URL without a user name or password; stored without spaces "
                + "around it", example = "https://example.com/careers/bergen") @NotBlank @Size(max = 2048)
        @Pattern(regexp = "\\s*[hH][tT][tT][pP][sS]?://[^\\s/?#]+[^\\s]*\\s*",
                message = "{fyrtarn.url.absolute}") String url,
        @Schema(description = "Stored in lower case, without a hashtag's # (\"#Hiring\" is \"hiring\") and with each "
                + "run of spaces, no-break ones too, as one space and none around it",
                example = "[\"hiring\", \"engineering\"]")
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> topics,
        @Schema(example = "[\"LINKEDIN\", \"X\"]") @NotEmpty Set<@NotNull Network> networks,
        @Size(max = 30) List<@NotNull @Valid Caption> captions,
        @Valid Audience audience,
        @Schema(description = "Stored with each run of spaces, no-break ones too, as one space and none around it; "
                + "only spaces: none", example = "hiring-2026") @Size(max = 100) String campaign,
        @Schema(description = "The language of the title, body and captions, a BCP 47 tag; absent or blank = not said",
                example = "nb") @Size(max = 35)
        @Pattern(regexp = PostRequest.LANGUAGE_TAG, message = "{fyrtarn.language.tag}") String language,
        @Schema(description = "When approval should publish; absent = at approval") Instant publishAt,
        @Schema(description = "When the post leaves the feed; absent = never") Instant expiresAt) {

    /** A BCP 47 language tag (its language and any subtags), or nothing, with blanks around it. */
    public static final String LANGUAGE_TAG = "\\s*([a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*)?\\s*";

    /** Who sees the post: an empty list of team names means everyone. */
    public record Audience(@Schema(example = "[\"Sales\"]") @Size(max = 100) List<@NotBlank @Size(max = 100) String> teams) {
    }
}
