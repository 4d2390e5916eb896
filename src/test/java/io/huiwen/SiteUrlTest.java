package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Which absolute address the portal names: the configured one, else the request's, else this machine on server.port. */
class SiteUrlTest {

    static HuiwenProperties properties(String siteUrl) {
        var source = new MapConfigurationPropertySource();
        if (siteUrl != null) {
            source.put("huiwen.site-url", siteUrl);
        }
        return new Binder(source).bindOrCreate("huiwen", HuiwenProperties.class);
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    static void asked(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void aConfiguredSiteUrlWinsWithoutItsTrailingSlash() {
        SiteUrl site = new SiteUrl(properties("https://news.example.cn/"), new MockEnvironment());
        asked("http", "localhost", 9090);
        assertThat(site.base()).isEqualTo("https://news.example.cn");
        assertThat(site.followsRequests()).isFalse();
    }

    @Test
    void unsetItIsTheRequestsSchemeHostAndPort() {
        SiteUrl site = new SiteUrl(properties(null), new MockEnvironment());
        assertThat(site.followsRequests()).isTrue();
        asked("http", "localhost", 9090);
        assertThat(site.base()).isEqualTo("http://localhost:9090");
        asked("https", "news.example.cn", 443);
        assertThat(site.base()).isEqualTo("https://news.example.cn");
        asked("http", "news.example.cn", 80);
        assertThat(site.base()).isEqualTo("http://news.example.cn");
        asked("http", "::1", 8081);
        assertThat(site.base()).isEqualTo("http://[::1]:8081");
    }

    @Test
    void withNoRequestItIsThisMachineOnTheServersPort() {
        assertThat(new SiteUrl(properties(null), new MockEnvironment()).base()).isEqualTo("http://localhost:8080");
        assertThat(new SiteUrl(properties(null), new MockEnvironment().withProperty("server.port", "9090")).base())
                .isEqualTo("http://localhost:9090");
        assertThat(new SiteUrl(properties(""), new MockEnvironment().withProperty("server.port", "0").withProperty("local.server.port", "41234"))
                .base()).isEqualTo("http://localhost:41234");
    }
}
