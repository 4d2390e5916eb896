package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The front door's small rules, input by input: query strings it can read, redirects it rewrites, proxies it believes. */
class FrontDoorRulesTest {

    @Test
    void aQueryStringIsReadableWhenItsEscapesAreUtf8() {
        assertThat(QueryStrings.problem(null, 1000)).isNull();
        assertThat(QueryStrings.problem("q=%E6%9C%BA%E5%99%A8%E4%BA%BA&page=2", 1000)).isNull();
        assertThat(QueryStrings.problem("q=a+b&&x=", 1000)).isNull();
        assertThat(QueryStrings.problem("q=%FF%FE", 1000)).isNotNull();
        assertThat(QueryStrings.problem("q=%E4%B8", 1000)).as("a character cut short").isNotNull();
        assertThat(QueryStrings.problem("q=%zz", 1000)).isNotNull();
        assertThat(QueryStrings.problem("q=100%", 1000)).isNotNull();
        assertThat(QueryStrings.problem("q=%4", 1000)).isNotNull();
        assertThat(QueryStrings.problem("q=" + "a".repeat(QueryStrings.MAX_LENGTH), 1000)).contains("longer");
        assertThat(QueryStrings.problem("a&b&c", 2)).contains("parameters");
    }

    @Test
    void aRedirectToTheRequestsOwnHostBecomesAPath() {
        assertThat(RelativeRedirects.relative("http://evil.example/login", "evil.example")).isEqualTo("/login");
        assertThat(RelativeRedirects.relative("https://EVIL.example:8443/admin/sources?x=1", "evil.example")).isEqualTo("/admin/sources?x=1");
        assertThat(RelativeRedirects.relative("http://evil.example", "evil.example")).isEqualTo("/");
        assertThat(RelativeRedirects.relative("/login", "evil.example")).isNull();
        assertThat(RelativeRedirects.relative("https://elsewhere.example/x", "evil.example")).as("not ours to change").isNull();
    }

    @Test
    void trustedProxiesAreAddressesOrBlocksNeverNames() {
        assertThat(TrustedProxies.of(null).internalProxies()).isNull();
        assertThat(TrustedProxies.of(List.of()).internalProxies()).isNull();
        assertThat(TrustedProxies.of(List.of("10.0.0.0/8", " 192.168.1.5 ", "::1", "fd00::/8")).internalProxies())
                .isEqualTo("10.0.0.0/8,192.168.1.5/32,::1/128,fd00::/8");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("nginx"))).hasMessageContaining("'nginx'");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/99"))).hasMessageContaining("10.0.0.0/99");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("300.1.1.1"))).hasMessageContaining("300.1.1.1");
    }
}
