package no.fyrtarn.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import no.fyrtarn.directory.DemoData;
import no.fyrtarn.directory.DirectoryService;

/**
 * A handful of published demo posts, written by marketing and approved by the editor through the real workflow (so
 * post.published events flow too), and the studio's work to do: a post marketing sent for review, waiting for the
 * editor (four eyes: its author cannot approve it), and a draft of the editor's. Only when there are no posts at all.
 */
@ApplicationScoped
public class DemoPosts {

    /** The demo posts' titles, by which the demo organisation's shares find them ({@code share.DemoShares}). */
    public static final String HIRING = "Vi ansetter utviklere i Bergen";
    public static final String CASE = "Kundecase: 40 % raskere svartid";
    public static final String LAUNCH = "Vår nya produktlansering";
    public static final String BLOG = "Engineering blog: how we run Kafka without Docker";
    public static final String IN_REVIEW = "Sommerjobb i kundeservice";
    public static final String DRAFT = "Webinar: selvbetjening i praksis";

    @Inject
    PostService posts;

    @Inject
    PostRepository repository;

    @Inject
    DirectoryService directory;

    @Inject
    Clock clock;

    @ConfigProperty(name = "fyrtarn.demo-data", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        if (enabled && repository.count() == 0) {
            load(DemoData.DOMAIN, UnaryOperator.identity());
        }
    }

    /**
     * The demo posts of the demo organisation in {@code domain}, each as {@code adapted} makes it: as written, or
     * for a test's copy of the organisation.
     */
    public void load(String domain, UnaryOperator<PostRequest> adapted) {
        var author = directory.member("marketing@" + domain).orElseThrow().employeeId();
        var editor = directory.member("editor@" + domain).orElseThrow().employeeId();
        Instant now = clock.instant();
        for (PostRequest request : published(now)) {
            var draft = posts.create(author, adapted.apply(request));
            posts.submit(draft.post().id());
            posts.approve(draft.post().id(), editor, false, null);
        }
        posts.submit(posts.create(author, adapted.apply(inReview(now))).post().id());
        posts.create(editor, adapted.apply(draft()));
    }

    private static List<PostRequest> published(Instant now) {
        var inAMonth = now.plus(Duration.ofDays(30));
        return List.of(
                new PostRequest(HIRING,
                        "Bli med på laget som bygger Norges mest brukte app for kundeservice.",
                        "https://example.com/karriere/bergen", List.of("hiring", "engineering"),
                        Set.of(Network.LINKEDIN, Network.X, Network.FACEBOOK),
                        List.of(new Caption(Network.LINKEDIN, "Vi ansetter! Kjenner du en dyktig utvikler?"),
                                new Caption(Network.LINKEDIN, "Teamet mitt vokser – se ledige stillinger i Bergen."),
                                new Caption(Network.X, "Vi ansetter utviklere i Bergen 👩‍💻")),
                        null, "hiring-2026", "nb", null, null),
                new PostRequest(CASE,
                        "Hvordan Fjordkraft kuttet svartiden med 40 % på seks uker.",
                        "https://example.com/case/fjordkraft?ref=blog", List.of("customers"),
                        Set.of(Network.LINKEDIN, Network.FACEBOOK),
                        List.of(new Caption(Network.LINKEDIN, "Stolt av det vi fikk til sammen med Fjordkraft.")),
                        new PostRequest.Audience(List.of("Sales", "Support")), "case-studies", "nb", null, inAMonth),
                new PostRequest(LAUNCH,
                        "Nu lanserar vi självbetjäning för alla kunder i Norden.",
                        "https://example.com/sv/lansering", List.of("product", "news"),
                        Set.of(Network.LINKEDIN, Network.X),
                        List.of(new Caption(Network.X, "Äntligen live: självbetjäning för hela Norden!")),
                        null, "launch", "sv", null, null),
                new PostRequest(BLOG,
                        "An in-process broker for every developer laptop, and the outbox that feeds it.",
                        "https://example.com/blog/kafka-outbox", List.of("engineering"),
                        Set.of(Network.LINKEDIN, Network.X),
                        List.of(), new PostRequest.Audience(List.of("Engineering")), null, "en", null, null));
    }

    private static PostRequest inReview(Instant now) {
        return new PostRequest(IN_REVIEW, "Studenter søkes til sommerjobb i kundeservice, i Oslo og Bergen.",
                "https://example.com/karriere/sommer", List.of("hiring"), Set.of(Network.LINKEDIN, Network.FACEBOOK),
                List.of(new Caption(Network.LINKEDIN, "Kjenner du en student som vil jobbe med oss i sommer?")),
                null, "hiring-2026", "nb", null, now.plus(Duration.ofDays(60)));
    }

    private static PostRequest draft() {
        return new PostRequest(DRAFT, "Se hvordan kundene våre svarer raskere med selvbetjening.",
                "https://example.com/webinar/selvbetjening", List.of("product"), Set.of(Network.LINKEDIN, Network.X),
                List.of(), new PostRequest.Audience(List.of("Sales", "Support")), null, "nb", null, null);
    }
}
