package io.gatehouse.web.signin;

import java.util.List;

/**
 * The few HTML pages of the browser sign-in, without scripts: every value is escaped, and the
 * headers {@link SignInDoor} sends forbid framing, caching and any other origin.
 */
final class SignInPages {

    private SignInPages() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - Gatehouse</title>\n<style>body{font-family:sans-serif;max-width:40em;margin:3em auto}"
                + "label{display:block;margin:.5em 0}input[type=text],input[type=password]{width:100%}</style>"
                + "</head>\n<body><h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    record Choice(String roleArn, String label) {
    }

    /** The role chooser: one radio button a role, posted with the sealed choice. */
    static String roleChooser(List<Choice> roles, String choiceToken) {
        StringBuilder body = new StringBuilder("<p>Your identity provider offers several roles. Choose one.</p>\n"
                + "<form method=\"post\" action=\"/signin/role\">\n<input type=\"hidden\" name=\"choiceToken\" value=\""
                + escape(choiceToken) + "\">\n");
        boolean first = true;
        for (Choice role : roles) {
            body.append("<label><input type=\"radio\" name=\"roleArn\" value=\"").append(escape(role.roleArn()))
                    .append(first ? "\" checked>" : "\">").append(escape(role.label())).append("</label>\n");
            first = false;
        }
        return page("Choose a role", body.append("<button type=\"submit\">Sign in</button>\n</form>").toString());
    }

    static String signedIn(String principalArn, String expiresAt) {
        return page("Signed in", "<p>You are signed in as <code>" + escape(principalArn) + "</code> until "
                + escape(expiresAt) + ".</p>");
    }

    static String refused(String code, String message) {
        return page("Sign-in failed", "<p><strong>" + escape(code) + "</strong>: " + escape(message) + "</p>");
    }

    /** The directory sign-in form, posted back to where it was served. */
    static String passwordForm(String action, String providerName) {
        return page("Sign in with " + providerName, "<form method=\"post\" action=\"" + escape(action) + "\">\n"
                + "<label>User name <input type=\"text\" name=\"username\" autocomplete=\"username\" required></label>\n"
                + "<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" "
                + "required></label>\n<button type=\"submit\">Sign in</button>\n</form>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
