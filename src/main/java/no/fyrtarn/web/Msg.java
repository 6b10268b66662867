package no.fyrtarn.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import no.fyrtarn.post.Network;

/**
 * The pages' texts, as {@code msg:} in templates. English here; Norwegian Bokmål and Swedish in
 * {@code messages/msg_nb.properties} and {@code messages/msg_sv.properties}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Feed")
    String nav_feed();

    @Message("Leaderboard")
    String nav_leaderboard();

    @Message("Leaders")
    String nav_leaders();

    @Message("Studio")
    String nav_studio();

    @Message("Language")
    String language();

    @Message("Log out")
    String logout();

    @Message("Back to the feed")
    String back_to_feed();

    @Message("Back to the studio")
    String back_to_studio();

    @Message("Not for your role")
    String error_forbidden();

    @Message("Not found")
    String error_not_found();

    @Message("This link leads nowhere")
    String error_link_nowhere();

    @Message("Check that the link was copied whole, or ask whoever shared it for it again.")
    String error_link_hint();

    @Message("Sign in through your company")
    String signin_elsewhere();

    @Message("Fyrtårn has no sign-in form of its own here. Open it from your company's sign-in or intranet, or ask "
            + "whoever runs Fyrtårn for you.")
    String signin_elsewhere_hint();

    @Message("Something in the request is not right")
    String error_bad_request();

    @Message("Something went wrong on our side")
    String error_other();

    @Message("Too many tries from here. Wait a minute and try again.")
    String error_too_many();

    @Message("Fyrtårn is unavailable for a moment")
    String error_unavailable();

    @Message("Nothing you did caused this. Try again in a minute.")
    String error_unavailable_hint();

    @Message("Open Fyrtårn")
    String reopen();

    @Message("This changed in the meantime. Go back, reload and try again.")
    String error_conflict();

    @Message("Log in")
    String login_title();

    @Message("Local login for trying Fyrtårn: pick someone from the demo organisation or type an e-mail from the directory.")
    String login_intro();

    @Message("Work e-mail")
    String login_email();

    @Message("Log in")
    String login_submit();

    @Message("Or pick someone")
    String login_pick();

    @Message("Nobody in the directory has that e-mail.")
    String login_unknown();

    @Message("{#when role}{#is 'admin'}admin{#is 'marketing'}marketing{#is 'leader'}leader{#else}employee{/when}")
    String role(String role);

    @Message("Your feed")
    String feed_title();

    @Message("My standing")
    String me_label();

    @Message("{#if n == 1}point{#else}points{/if} this week")
    String points_this_week(long n);

    @Message("place this week")
    String rank_company_week();

    @Message("{#if n == 1}week{#else}weeks{/if} in a row")
    String streak_weeks(int n);

    @Message("{#if n == 1}point{#else}points{/if} in all")
    String points_total(long n);

    @Message("Badges")
    String badges();

    @Message("{#when badge}{#is 'FIRST_SHARE'}First share{#is 'SHARES_10'}10 shares{#is 'SHARES_50'}50 shares"
            + "{#is 'CLICKS_100'}100 clicks{#is 'STREAK_4'}4 weeks in a row{#is 'STREAK_12'}12 weeks in a row"
            + "{#is 'LIGHTHOUSE'}Lighthouse{#else}{badge}{/when}")
    String badge(String badge);

    @Message("All")
    String all_topics();

    @Message("Topics")
    String topics();

    @Message("Edit the text")
    String caption_edit();

    @Message("Text for {network}")
    String caption_for(String network);

    @Message("Too long for X with the link: sharing shortens it to fit.")
    String x_shortened();

    @Message("Share")
    String share_on_label();

    @Message("share until")
    String share_until();

    @Message("Challenges")
    String challenges();

    @Message("{mine} of {target} {#if target == 1}share{#else}shares{/if} for {bonus} bonus points")
    String challenge_progress(int mine, int target, int bonus);

    @Message("{n} more {#if n == 1}challenge{#else}challenges{/if}")
    String challenges_more(int n);

    @Message("Met: +{bonus} points")
    String challenge_met(int bonus);

    @Message("ends")
    String challenge_ends();

    @Message("starts")
    String challenge_starts();

    @Message("Share on {network}")
    String share_on(String network);

    @Message("Shared on {network} ✓")
    String shared_on(String network);

    @Message("Your link")
    String your_link();

    @Message("Clicks on your links:")
    String clicks_on_your_links();

    @Message("Copy text + link")
    String copy_text_link();

    @Message("Copied")
    String copied();

    @Message("Your text is copied: paste it into your post on {network}.")
    String text_copied_paste(String network);

    @Message("Your text could not be copied: copy it under “Edit the text” and paste it into your post on {network}.")
    String text_not_copied(String network);

    @Message("Could not share just now. Try again.")
    String share_failed();

    @Message("This post can no longer be shared.")
    String share_gone();

    @Message("Nothing to share right now. New posts from marketing show up here.")
    String feed_empty();

    @Message("Nothing with #{topic} to share right now.")
    String feed_empty_topic(String topic);

    @Message("More posts")
    String more();

    @Message("That post can no longer be shared. Here is what you can share now.")
    String feed_post_gone();

    @Message("See everything you can share")
    String feed_all_posts();

    @Message("{#if n == 1}1 new post: show it{#else}{n} new posts: show them{/if}")
    String feed_new_posts(long n);

    @Message("Copy link")
    String copy_link();

    @Message("Leaderboard")
    String leaderboard_title();

    @Message("Period")
    String period();

    @Message("Who")
    String scope();

    @Message("{#when period}{#is 'week'}This week{#is 'month'}This month{#is 'quarter'}This quarter{#else}All time{/when}")
    String period_name(String period);

    @Message("{#when scope}{#is 'company'}Company{#is 'team'}My team{#else}Leaders{/when}")
    String scope_name(String scope);

    @Message("Name")
    String name();

    @Message("Points")
    String points();

    @Message("Shares")
    String shares();

    @Message("Clicks")
    String clicks();

    @Message("Leads by example")
    String leads_by_example();

    @Message("No points yet in this period. Share a post to get on the board!")
    String leaderboard_empty();

    @Message("You are in no team yet, so there is no team board.")
    String no_team();

    @Message("My points per week")
    String my_points_per_week();

    @Message("{#if n == 1}click{#else}clicks{/if} on your links")
    String clicks_in_all(long n);

    @Message("Today")
    String today();

    @Message("Yesterday")
    String yesterday();

    @Message("See what earned your points")
    String points_see_what();

    @Message("My points")
    String points_title();

    @Message("What earned me points, newest first.")
    String points_intro();

    @Message("{#when action}"
            + "{#is 'SHARE'}{#if title}Shared “{title}” on {network.label}{#else}Shared a post on {network.label}{/if}"
            + "{#is 'CLICK'}{#if count == 1}A click{#else}{count} clicks{/if} on my {network.label} link"
            + "{#if title} to “{title}”{/if}"
            + "{#is 'SUGGESTION'}{#if title}My suggestion “{title}” was published"
            + "{#else}My suggestion was published{/if}"
            + "{#else}{#if title}Met the challenge “{title}”{#else}Met a challenge{/if}{/when}")
    String points_line(String action, int count, String title, Network network);

    @Message("the day's limit was reached")
    String points_capped();

    @Message("No points yet. Share a post to earn the first.")
    String points_none();

    @Message("Older points")
    String points_more();

    @Message("Leaders")
    String leaders_title();

    @Message("Every leader")
    String leaders_flags();

    @Message("My team")
    String my_team();

    @Message("{lurkers} {#if lurkers == 1}lurker{#else}lurkers{/if}, {contributors} {#if contributors == 1}contributor"
            + "{#else}contributors{/if}, {creators} {#if creators == 1}creator{#else}creators{/if}")
    String split_label(int lurkers, int contributors, int creators);

    @Message("{#when segment}{#is 'LURKER'}Lurker{#is 'CONTRIBUTOR'}Contributor{#else}Creator{/when}")
    String segment(String segment);

    @Message("Participation")
    String segment_title();

    @Message("Last active")
    String last_active();

    @Message("{#when flag}{#is 'LEADS_BY_EXAMPLE'}Leads by example{#is 'ON_TRACK'}On track{#else}Needs attention{/when}")
    String flag(String flag);

    @Message("{#if flag == 'NEEDS_ATTENTION'}Shared nothing in this period.{#else}{shares} "
            + "{#if shares == 1}share{#else}shares{/if} in {weeks} active {#if weeks == 1}week{#else}weeks{/if} and "
            + "{points} {#if points == 1}point{#else}points{/if}; the team's median is {median} "
            + "{#if median == '1'}point{#else}points{/if} ({teamSize} in the team).{/if}")
    String flag_reason(int shares, long weeks, long points, String median, int teamSize, String flag);

    @Message("No leaders in the directory yet.")
    String no_leaders();

    @Message("Studio")
    String studio_title();

    @Message("New post")
    String studio_new();

    @Message("Waiting for review")
    String studio_review();

    @Message("Yours: another marketer approves it.")
    String studio_own_post();

    @Message("by {name}")
    String studio_by(String name);

    @Message("Approve and publish")
    String studio_approve();

    @Message("Why it goes back")
    String studio_reason();

    @Message("Send back")
    String studio_reject();

    @Message("Nothing waits for review.")
    String studio_review_empty();

    @Message("Drafts")
    String studio_drafts();

    @Message("Sent back: {note}")
    String studio_returned(String note);

    @Message("No drafts.")
    String studio_drafts_empty();

    @Message("Live and scheduled")
    String studio_live();

    @Message("{#when status}{#is 'DRAFT'}All drafts{#is 'IN_REVIEW'}All waiting for review{#is 'PUBLISHED'}All live posts{#is 'SCHEDULED'}All scheduled posts{#is 'EXPIRED'}All expired posts{#else}All archived posts{/when}")
    String studio_see_all(String status);

    @Message("All posts")
    String studio_all_posts();

    @Message("No posts.")
    String studio_posts_empty();

    @Message("Post")
    String studio_post();

    @Message("scheduled")
    String studio_scheduled();

    @Message("Nothing live yet.")
    String studio_live_empty();

    @Message("{network}: {fmt:number(shares)} {#if shares == 1}share{#else}shares{/if}, {fmt:number(clicks)} "
            + "{#if clicks == 1}click{#else}clicks{/if}")
    String studio_by_network(String network, long shares, long clicks);

    @Message("Who shared it")
    String studio_links();

    @Message("Network")
    String network();

    @Message("More of them")
    String studio_links_more();

    @Message("Download as CSV")
    String studio_links_csv();

    /** Between that CSV's cells: what Excel in this language splits columns at (semicolon: decimals have a comma). */
    @Message("comma")
    String studio_links_csv_separator();

    @Message("{#when status}{#is 'DRAFT'}Draft{#is 'IN_REVIEW'}Waiting for review{#is 'SCHEDULED'}Scheduled{#is 'PUBLISHED'}Live{#is 'EXPIRED'}Expired{#else}Archived{/when}")
    String studio_status(String status);

    @Message("Link for employees")
    String studio_feed_link();

    @Message("Post it in a chat or a mail: it opens this post in the feed, ready to share.")
    String studio_feed_link_hint();

    @Message("Please fix this and save again:")
    String studio_fix();

    @Message("Title")
    String studio_field_title();

    @Message("Text")
    String studio_field_body();

    @Message("Link")
    String studio_field_url();

    @Message("Topics, separated by commas")
    String studio_field_topics();

    @Message("Language of the texts")
    String studio_field_language();

    @Message("A language tag such as nb, sv or en: screen readers read the post in that language, and spelling is checked in it. Empty: not said.")
    String studio_language_hint();

    @Message("Networks")
    String studio_field_networks();

    @Message("Variant {n}")
    String studio_variant(int n);

    @Message("Who sees it")
    String studio_field_audience();

    @Message("No team ticked: everyone.")
    String studio_audience_hint();

    @Message("Campaign")
    String studio_field_campaign();

    @Message("Publish at (empty: when approved)")
    String studio_field_publish_at();

    @Message("Leaves the feed at (empty: never)")
    String studio_field_expires_at();

    @Message("Save draft")
    String studio_save();

    @Message("Submit for review")
    String studio_submit();

    @Message("Preview")
    String studio_preview();

    @Message("Your changes that were not saved are back: this tab kept them for you.")
    String studio_draft_restored();

    @Message("Discard them")
    String studio_draft_discard();

    @Message("Times are the company's: {zone}, whatever your device's clock says.")
    String studio_times_hint(String zone);

    @Message("This draft was saved again after this form was opened (by a colleague, or by you on another page). The "
            + "form holds what you sent, not saved: saving it replaces the version saved meanwhile.")
    String studio_changed_meanwhile();

    @Message("Sent back from the studio")
    String studio_rejected_default();
}
