package org.carecast.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tells users apart and guards their forms. A user is named by the header the council's
 * reverse proxy sets after sign-on, when the server is told which one ({@code --user-header});
 * otherwise by a random browser cookie, so that on a shared server one browser's uploads and
 * jobs are not listed in another's. Every form carries a token derived from the user and a
 * secret made at start-up; a POST without the right one is refused (cross-site request forgery).
 */
final class Visitors {

    /** A user of the pages. */
    record Visitor(String key, String csrf) {
    }

    static final String COOKIE = "carecast_visitor";
    private static final Pattern COOKIE_VALUE = Pattern.compile("[0-9a-f]{32}");

    private final String userHeader;
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();

    Visitors(String userHeader) {
        this.userHeader = userHeader == null || userHeader.isBlank() ? null : userHeader;
        random.nextBytes(secret);
    }

    /** The visitor making this request; sets the cookie on a first visit. */
    Visitor of(Context ctx) {
        String user;
        if (userHeader != null) {
            user = ctx.header(userHeader);
            if (user == null || user.isBlank()) {
                throw new UnauthorizedResponse("Sign in through the council's sign-on: this server is set to trust the "
                        + userHeader + " header, and the request did not carry it.");
            }
            user = "user:" + user.strip();
        } else {
            String cookie = ctx.cookie(COOKIE);
            if (cookie == null || !COOKIE_VALUE.matcher(cookie).matches()) {
                byte[] b = new byte[16];
                random.nextBytes(b);
                cookie = HexFormat.of().formatHex(b);
                // HttpOnly: no script can read it; SameSite=Strict: another site's page cannot send it.
                ctx.header("Set-Cookie", COOKIE + "=" + cookie + "; Path=/; HttpOnly; SameSite=Strict");
            }
            user = "browser:" + cookie;
        }
        return new Visitor(sha256(user).substring(0, 24), hmac("csrf:" + user));
    }

    /** Refuses a POST whose form token is not the visitor's. */
    void checkToken(Visitor visitor, String token) {
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                visitor.csrf().getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenResponse("This form has expired or did not come from this site's pages. Go back, reload"
                    + " the page and send it again.");
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
