package io.huiwen.api;

import io.huiwen.account.ApiTokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens} (any logged-in user): make a token for yourself (shown once), list your
 * tokens (an ADMIN sees everyone's), revoke one of yours (an ADMIN anyone's).
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** The body of a create: what the token is for. */
    record NewToken(String name) {}

    @PostMapping
    ResponseEntity<ApiTokens.NewToken> create(@RequestBody NewToken body, Authentication user) {
        ApiTokens.NewToken token = tokens.create(user.getName(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id())).body(token);
    }

    @GetMapping
    Map<String, List<ApiTokens.Token>> list(Authentication user) {
        return Map.of("items", tokens.list(admin(user) ? null : user.getName()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication user) {
        tokens.revoke(user.getName(), admin(user), id);
        return ResponseEntity.noContent().build();
    }

    private static boolean admin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
