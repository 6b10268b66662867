package no.fyrtarn.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.directory.People;
import no.fyrtarn.gamification.GameCalendar;
import no.fyrtarn.infra.IsoInstants;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.Page;
import no.fyrtarn.infra.ProblemException;
import no.fyrtarn.infra.ProblemMappers;
import no.fyrtarn.infra.Spaces;
import no.fyrtarn.post.Caption;
import no.fyrtarn.post.Network;
import no.fyrtarn.post.Post;
import no.fyrtarn.post.PostRequest;
import no.fyrtarn.post.PostService;
import no.fyrtarn.post.PostStatus;
import no.fyrtarn.post.PostView;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;
import no.fyrtarn.share.PostLink;
import no.fyrtarn.share.SharingStats;

/**
 * Marketing's studio: drafts, the review queue and what is live with its shares and clicks; a form to write a post
 * with caption variants per network and a preview; submit, approve (another marketer: four eyes), reject, and
 * withdraw a scheduled post.
 */
@Path("/studio")
@WebPage
@RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
@Produces(MediaType.TEXT_HTML)
public class StudioPage {

    /** Caption variants the form offers per network. */
    static final int VARIANTS = 3;
    static final int LINKS_PAGE = 20;
    /** Posts of one status the studio lists; past them, its list of all of them ({@code /studio/posts}). */
    static final int POSTS_PAGE = 50;
    static final String SAVED_COOKIE = "fyrtarn_saved";

    /** The post form as sent, also to show it again with what was wrong. */
    public static class Form {
        @RestForm
        public String title;
        @RestForm
        public String body;
        @RestForm
        public String url;
        @RestForm
        public String topics;
        @RestForm
        public List<Network> networks;
        @RestForm("caption_LINKEDIN")
        public List<String> linkedin;
        @RestForm("caption_X")
        public List<String> x;
        @RestForm("caption_FACEBOOK")
        public List<String> facebook;
        @RestForm
        public List<String> teams;
        @RestForm
        public String campaign;
        @RestForm
        public String language;
        @RestForm
        public String publishAt;
        @RestForm
        public String expiresAt;
        @RestForm
        public String etag;

        /** The form filled in from a saved post. */
        static Form of(PostView post, ZoneId zone) {
            Form f = new Form();
            f.title = post.title();
            f.body = post.body();
            f.url = post.url();
            f.topics = String.join(", ", post.topics());
            f.networks = post.networks();
            f.linkedin = textsFor(post, Network.LINKEDIN);
            f.x = textsFor(post, Network.X);
            f.facebook = textsFor(post, Network.FACEBOOK);
            f.teams = post.audience().teams();
            f.campaign = post.campaign();
            f.language = post.language();
            f.publishAt = localTime(post.publishAt(), zone);
            f.expiresAt = localTime(post.expiresAt(), zone);
            return f;
        }

        /**
         * A time as a {@code datetime-local} field takes it: to the millisecond at most. A browser empties a field
         * whose value has more digits (an API client's microseconds: Python's {@code isoformat}), and saving the form
         * then dropped the post's publish or expiry time without a word.
         */
        private static String localTime(Instant at, ZoneId zone) {
            return at == null ? null : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MILLIS).toString();
        }

        private static List<String> textsFor(PostView post, Network n) {
            return post.captions().stream().filter(c -> c.network() == n).map(Caption::text).toList();
        }

        /** The variants of a network's caption, padded with empty ones for the form. */
        public List<String> variants(Network n) {
            List<String> sent = n.pick(linkedin, x, facebook);
            List<String> texts = sent == null ? new ArrayList<>() : new ArrayList<>(sent);
            while (texts.size() < VARIANTS) {
                texts.add("");
            }
            return texts;
        }

        /** The language the page marks the post's texts with: as stored, or null while the field holds no tag. */
        public String lang() {
            return language != null && language.matches(PostRequest.LANGUAGE_TAG) ? Language.tag(language) : null;
        }

        /** The same rule for the page's script, which marks the texts as the field is typed in. */
        public String languageTagPattern() {
            return PostRequest.LANGUAGE_TAG;
        }

        public boolean has(Network n) {
            return networks != null && networks.contains(n);
        }

        public boolean audience(String team) {
            return teams != null && teams.contains(team);
        }

        PostRequest request(ZoneId zone, Map<String, String> errors) {
            List<Caption> captions = new ArrayList<>();
            for (Network n : Network.values()) {
                if (has(n)) {
                    variants(n).stream().map(Spaces::strippedOrNull).filter(Objects::nonNull)
                            .forEach(t -> captions.add(new Caption(n, t)));
                }
            }
            // commas part topics, and so does a space before a hashtag's "#" ("#kontor #nord", a no-break space from a
            // copied list too); an empty one or a "#" alone is left out
            List<String> topicList = topics == null ? List.of()
                    : Arrays.stream(topics.split(",|" + Spaces.RUN + "(?=#)")).filter(t -> !Post.topicKey(t).isEmpty())
                            .toList();
            return new PostRequest(title, body, url, topicList,
                    networks == null ? Set.of() : new LinkedHashSet<>(networks), captions,
                    new PostRequest.Audience(teams == null ? List.of() : teams),
                    campaign == null || campaign.isBlank() ? null : campaign.strip(), language,
                    instant("publishAt", publishAt, zone, errors), instant("expiresAt", expiresAt, zone, errors));
        }

        private static Instant instant(String field, String value, ZoneId zone, Map<String, String> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                Instant instant = LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
                if (IsoInstants.inRfc3339Years(instant)) {
                    return instant;
                }
                errors.put(field, Language.text(IsoInstants.YEARS)); // "+300000-01-01T00:00" was a 500
            } catch (DateTimeParseException e) {
                errors.put(field, Language.text("fyrtarn.date-time"));
            }
            return null;
        }
    }

    /** What the form got wrong, each under the label of the control that shows it, in the form's order. */
    public record FormErrors(List<Item> items) {

        /** The controls of the form, top to bottom; {@code control} is the id of one of them, or of the form. */
        private static final List<String> CONTROLS = List.of("title", "body", "url", "language", "topics", "networks",
                "captions-LINKEDIN", "captions-X", "captions-FACEBOOK", "audience", "campaign", "publishAt",
                "expiresAt");

        private static final Pattern CAPTION = Pattern.compile("^captions\\[(\\d+)]");

        public record Item(String control, String label, String message) {
        }

        static final FormErrors NONE = new FormErrors(List.of());

        /** @param byField messages by the API's field path ({@code captions[1].text}: the request's second caption) */
        static FormErrors of(Map<String, String> byField, PostRequest request, Msg msg) {
            List<Item> items = new ArrayList<>();
            byField.forEach((field, message) -> {
                String control = control(field, request);
                items.add(new Item(control, label(control, field, msg), message));
            });
            items.sort(Comparator.comparingInt(item -> CONTROLS.indexOf(item.control())));
            return new FormErrors(List.copyOf(items));
        }

        public boolean any() {
            return !items.isEmpty();
        }

        public boolean has(String control) {
            return items.stream().anyMatch(item -> item.control().equals(control));
        }

        public boolean hasCaption(Network network) {
            return has("captions-" + network);
        }

        private static String control(String field, PostRequest request) {
            String root = field.replaceFirst("[.\\[].*", "");
            if (root.equals("captions")) {
                Matcher index = CAPTION.matcher(field);
                int i = index.find() ? Integer.parseInt(index.group(1)) : -1;
                List<Caption> captions = request == null || request.captions() == null ? List.of() : request.captions();
                return "captions-" + (i >= 0 && i < captions.size() ? captions.get(i).network() : Network.values()[0]);
            }
            return CONTROLS.contains(root) ? root : "post-form";
        }

        private static String label(String control, String field, Msg msg) {
            return switch (control) {
                case "title" -> msg.studio_field_title();
                case "body" -> msg.studio_field_body();
                case "url" -> msg.studio_field_url();
                case "language" -> msg.studio_field_language();
                case "topics" -> msg.studio_field_topics();
                case "networks" -> msg.studio_field_networks();
                case "audience" -> msg.studio_field_audience();
                case "campaign" -> msg.studio_field_campaign();
                case "publishAt" -> msg.studio_field_publish_at();
                case "expiresAt" -> msg.studio_field_expires_at();
                case "post-form" -> field; // no control of its own: the form as a whole
                default -> msg.caption_for(Network.valueOf(control.substring("captions-".length())).label());
            };
        }
    }

    @CheckedTemplate
    static class Templates {
        /** The first {@link #POSTS_PAGE} of each status, whose next cursor says there are more; {@code live} both. */
        static native TemplateInstance studio(Page<PostView> drafts, Page<PostView> review, Page<PostView> published,
                Page<PostView> scheduled, List<PostView> live, UUID me, Map<UUID, String> authors);

        static native TemplateInstance posts(String status, Page<PostView> posts);

        static native TemplateInstance studio$live(List<PostView> live);

        static native TemplateInstance edit(PostView post, boolean editable, Form form, FormErrors errors,
                List<String> teams, List<Network> networks, Page<PostLink> links, String live,
                boolean changedMeanwhile, String author);

        static native TemplateInstance edit$live(PostView post, Page<PostLink> links);
    }

    @Inject
    PostService posts;

    @Inject
    SharingStats sharing;

    @Inject
    DirectoryService directory;

    @Inject
    People people;

    @Inject
    CurrentUser user;

    @Inject
    PageContext page;

    @Inject
    Validator validator;

    @Inject
    GameCalendar calendar;

    @GET
    @Operation(hidden = true)
    public TemplateInstance studio() {
        Page<PostView> drafts = first(PostStatus.DRAFT);
        Page<PostView> review = first(PostStatus.IN_REVIEW);
        Page<PostView> published = first(PostStatus.PUBLISHED);
        Page<PostView> scheduled = first(PostStatus.SCHEDULED);
        // a reviewer (and whoever picks up a draft) sees whose it is
        var authors = names(Stream.concat(drafts.items().stream(), review.items().stream())
                .map(PostView::authorId).collect(Collectors.toSet()));
        return Templates.studio(drafts, review, published, scheduled, live(published, scheduled),
                user.member().employeeId(), authors).setLocale(page.locale());
    }

    /** These authors' names, by id; those who left keep theirs, as what they wrote stays theirs. */
    private Map<UUID, String> names(Set<UUID> authors) {
        return people.byId(authors).values().stream()
                .collect(Collectors.toMap(People.Person::employeeId, People.Person::name));
    }

    /** Every post of a status (all of them without one), newest first, {@link #POSTS_PAGE} at a time. */
    @GET
    @Path("posts")
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        PostStatus wanted = PostStatus.parse(status);
        return Templates.posts(wanted == null ? null : wanted.name(), posts.list(wanted, cursor, POSTS_PAGE))
                .setLocale(page.locale());
    }

    /** The live and scheduled posts with their shares and clicks again, fetched on each notice of the stream. */
    @GET
    @Path("live")
    @Operation(hidden = true)
    public TemplateInstance live() {
        return Templates.studio$live(livePosts()).setLocale(page.locale());
    }

    private List<PostView> livePosts() {
        return live(first(PostStatus.PUBLISHED), first(PostStatus.SCHEDULED));
    }

    private Page<PostView> first(PostStatus status) {
        return posts.list(status, null, POSTS_PAGE);
    }

    private static List<PostView> live(Page<PostView> published, Page<PostView> scheduled) {
        List<PostView> live = new ArrayList<>(published.items());
        live.addAll(scheduled.items());
        live.sort(Comparator.comparing(PostView::updatedAt).reversed());
        return live;
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public TemplateInstance newPost() {
        Form form = new Form();
        form.networks = List.of(Network.values());
        return edit(null, form, FormErrors.NONE);
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance post(@PathParam("id") UUID id, @QueryParam("links") String linksCursor) {
        var post = posts.get(id);
        Form form = Form.of(post.post(), calendar.zone());
        form.etag = post.etag();
        if (post.post().publishedAt() == null) {
            return edit(post.post(), form, FormErrors.NONE); // only a post that was published can have been shared
        }
        String live = "/studio/" + id + "/live"
                + (linksCursor == null || linksCursor.isBlank() ? "" : "?links=" + Fmt.url(linksCursor));
        return edit(post.post(), form, FormErrors.NONE, sharing.links(id, linksCursor, LINKS_PAGE), live, false);
    }

    /**
     * The post's figures and who shared it (the page of links shown), again: the page fetches them whenever the
     * leaderboard changed, which every counted click and every share's points make it do.
     */
    @GET
    @Path("{id}/live")
    @Operation(hidden = true)
    public TemplateInstance live(@PathParam("id") UUID id, @QueryParam("links") String linksCursor) {
        return Templates.edit$live(posts.get(id).post(), sharing.links(id, linksCursor, LINKS_PAGE))
                .setLocale(page.locale());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@BeanParam Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        PostRequest request = form.request(calendar.zone(), errors);
        try {
            if (valid(request, errors)) {
                UUID id = posts.create(user.member().employeeId(), request).post().id();
                return saved("/studio", URI.create("/studio/" + id));
            }
        } catch (ProblemException e) {
            mistakes(e, errors);
        }
        return Pages.html(Response.status(400), edit(null, form, FormErrors.of(errors, request, page.msg())));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") UUID id, @BeanParam Form form) {
        return save(id, form, false);
    }

    /**
     * The draft's form saved, then the draft submitted for review: what the marketer sees goes to review, where a form
     * of its own submitted the draft as last saved and left what was typed since behind. A submit without the form's
     * ETag (a page from before) submits the draft as saved.
     */
    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("id") UUID id, @BeanParam Form form) {
        if (form.etag == null) {
            posts.submit(id);
            return toStudio();
        }
        return save(id, form, true);
    }

    private Response save(UUID id, Form form, boolean thenSubmit) {
        Map<String, String> errors = new LinkedHashMap<>();
        PostRequest request = form.request(calendar.zone(), errors);
        try {
            if (valid(request, errors)) {
                posts.replace(id, form.etag, request);
                if (thenSubmit) {
                    posts.submit(id);
                }
                return saved("/studio/" + id, URI.create(thenSubmit ? "/studio" : "/studio/" + id));
            }
        } catch (ProblemException e) {
            if (e.problem().status() == 412) {
                return changedMeanwhile(id, form, e);
            }
            mistakes(e, errors);
        }
        return Pages.html(Response.status(400),
                edit(posts.get(id).post(), form, FormErrors.of(errors, request, page.msg())));
    }

    /**
     * The draft was saved after this form was opened (by a colleague, an API client, the same marketer on another
     * page): the form again (409) with what was sent in it, not saved, over the version now stored, so that saving it
     * replaces that one knowingly, where the error page left the marketer's changes behind. A post that is no longer
     * a draft is that error page still.
     */
    private Response changedMeanwhile(UUID id, Form form, ProblemException stale) {
        PostService.Versioned now = posts.get(id);
        if (now.post().status() != PostStatus.DRAFT) {
            throw stale;
        }
        form.etag = now.etag();
        return Pages.html(Response.status(409), edit(now.post(), form, FormErrors.NONE, null, null, true));
    }

    /**
     * The post service's own rules (across fields, against the directory) are the form's mistakes too: shown with the
     * form, not instead of it. Anything else (a stale form, a post that moved on) is rethrown.
     */
    private static void mistakes(ProblemException e, Map<String, String> errors) {
        if (e.problem().status() != 400 || e.problem().violations() == null) {
            throw e;
        }
        e.problem().violations().forEach(v -> errors.putIfAbsent(v.field(), v.message()));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response approve(@PathParam("id") UUID id, @RestForm String etag) {
        // the version the list showed: one sent back, changed and submitted again since is not approved unread
        posts.approve(id, user.member().employeeId(), user.hasRole(Roles.ADMIN), etag);
        return toStudio();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reject(@PathParam("id") UUID id, @RestForm String reason) {
        posts.reject(id, reasonOrDefault(reason));
        return toStudio();
    }

    /** A scheduled post sent back from its page, to be changed before it goes live. */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") UUID id, @RestForm String reason) {
        posts.withdraw(id, reasonOrDefault(reason));
        return toStudio();
    }

    private String reasonOrDefault(String reason) {
        String given = Spaces.strippedOrNull(reason);
        return given == null ? page.msg().studio_rejected_default() : given;
    }

    private boolean valid(PostRequest request, Map<String, String> errors) {
        for (ConstraintViolation<PostRequest> v : validator.validate(request)) {
            errors.putIfAbsent(ProblemMappers.fieldOf(v.getPropertyPath()), v.getMessage());
        }
        return errors.isEmpty();
    }

    private TemplateInstance edit(PostView post, Form form, FormErrors errors) {
        return edit(post, form, errors, null, null, false);
    }

    /**
     * {@code links}: who shared the post and what each link brought (null: not shown, as for a draft being edited);
     * {@code live}: where the page fetches them and the post's figures again (null: they do not change);
     * {@code changedMeanwhile}: the form holds what was sent, over a version saved since the form was opened.
     */
    private TemplateInstance edit(PostView post, Form form, FormErrors errors, Page<PostLink> links, String live,
            boolean changedMeanwhile) {
        boolean editable = post == null || post.status() == PostStatus.DRAFT;
        List<String> teams = directory.teamNamesWithMembers(form.teams == null ? List.of() : form.teams);
        String author = post == null ? null : names(Set.of(post.authorId())).get(post.authorId());
        return Templates.edit(post, editable, form, errors, teams, List.of(Network.values()), links, live,
                changedMeanwhile, author)
                .setLocale(page.locale());
    }

    /**
     * On to {@code next} after a save, naming the form it was saved from ({@code action}) in a cookie for the page's
     * script: what the script kept of that form, in case the save did not go through, is then forgotten (app.js).
     */
    private Response saved(String action, URI next) {
        NewCookie form = new NewCookie.Builder(SAVED_COOKIE).value(URLEncoder.encode(action, StandardCharsets.UTF_8))
                .path("/").maxAge(60).sameSite(NewCookie.SameSite.STRICT).secure(page.secure()).build();
        return Response.seeOther(next).cookie(form).build();
    }

    private static Response toStudio() {
        return Response.seeOther(URI.create("/studio")).build();
    }
}
